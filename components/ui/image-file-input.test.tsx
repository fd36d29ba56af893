import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { checkChosenImages, ImageFileInput } from './image-file-input';

// The repo renders components to markup (no DOM here): this checks the wiring assistive technology relies on; the
// size check itself is imageFilesProblem (lib/media/limits.test.ts), which the input runs on every change.
const attr = (html: string, tag: string, name: string) => new RegExp(`<${tag}[^>]* ${name}="([^"]*)"`).exec(html)?.[1];

describe('ImageFileInput', () => {
  it('is a labelled image file input described by its hint', () => {
    const html = renderToStaticMarkup(<ImageFileInput name="file" label="Icon image" hint="Up to 5 MB." required />);
    const id = attr(html, 'input', 'id')!;
    expect(html).toContain(`<label for="${id}"`);
    expect(attr(html, 'input', 'type')).toBe('file');
    expect(attr(html, 'input', 'accept')).toBe('image/png,image/jpeg,image/webp,image/gif');
    expect(attr(html, 'input', 'aria-describedby')).toBe(`${id}-hint`);
    expect(html).toContain(`<p id="${id}-hint"`);
    expect(html).not.toContain('aria-invalid');
    expect(html).not.toContain('role="alert"');
  });

  it('ties a message to the input and announces it', () => {
    const message = 'That file is 6.0 MB; images can be at most 5 MB.';
    const html = renderToStaticMarkup(<ImageFileInput name="images" label="Images" hint="Up to 5 MB each." multiple maxFiles={4} error={message} />);
    const id = attr(html, 'input', 'id')!;
    expect(attr(html, 'input', 'aria-invalid')).toBe('true');
    expect(attr(html, 'input', 'aria-describedby')).toBe(`${id}-hint ${id}-error`);
    expect(html).toContain(`<p id="${id}-error" role="alert" class="text-sm text-danger">${message}</p>`);
    expect(html).toMatch(/<input[^>]* multiple=""/);
  });

  it('keeps the input invalid while the chosen files cannot be sent, so no form submits them', () => {
    const validity: string[] = [];
    const input = (sizes: number[]) => ({ files: sizes.map((size) => ({ size })) as unknown as FileList, setCustomValidity: (m: string) => void validity.push(m) });
    expect(checkChosenImages(input([6 * 1024 * 1024]), 1)).toBe('That file is 6.0 MB; images can be at most 5 MB.');
    expect(checkChosenImages(input([1024]), 1)).toBeNull();
    expect(checkChosenImages({ files: null, setCustomValidity: (m) => void validity.push(m) }, 1)).toBeNull();
    expect(validity).toEqual(['That file is 6.0 MB; images can be at most 5 MB.', '', '']);
  });
});
