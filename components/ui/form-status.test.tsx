import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FormStatus } from './form-status';

const html = (...args: Parameters<typeof FormStatus>) => renderToStaticMarkup(FormStatus(...args));

describe('FormStatus, the one answer beside a form', () => {
  it('announces field errors joined, else the error, as an alert', () => {
    expect(html({ state: { error: 'Please fix the highlighted fields.', fieldErrors: { a: 'A is missing.', b: 'B is long.' } } })).toBe('<p role="alert" class="text-sm text-danger">A is missing. B is long.</p>');
    expect(html({ state: { error: 'That handle is taken.' }, className: 'basis-full' })).toBe('<p role="alert" class="text-sm text-danger basis-full">That handle is taken.</p>');
  });
  it('leaves out the alert when a field shows its own error beside it', () => {
    expect(html({ state: { error: 'Please fix the highlighted fields.', fieldErrors: { body: 'Write something.' } }, besideFields: ['body'] })).toBe('');
    expect(html({ state: { error: 'Choose a channel.', fieldErrors: { channelId: 'Missing.' } }, besideFields: ['body'] })).toBe('<p role="alert" class="text-sm text-danger">Choose a channel.</p>');
  });
  it('announces success as a status, visibly or to screen readers only, and nothing for nothing', () => {
    expect(html({ state: { success: 'Saved.' } })).toBe('<p role="status" class="text-sm text-success">Saved.</p>');
    expect(html({ state: { success: 'Saved.' }, quietSuccess: true })).toBe('<p role="status" class="sr-only">Saved.</p>');
    expect(html({ state: {} })).toBe('');
  });
});
