/** The compact text field and select of the group settings tabs. */
export const settingsInput = 'h-9 rounded-lg border border-line bg-surface px-2 text-sm';
