// The vocabularies of goals and group milestones, for the forms that offer them (app/ and components/ read the
// schema through lib/).
export { goalKinds, goalPeriods, groupMilestoneKinds } from '@/db/schema';
