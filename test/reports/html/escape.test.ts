import { describe, expect, it } from 'vitest';
import { escapeHtml, html, inlineScript, jsonForScript, raw } from '../../../reports/html/escape';

describe('html escaping', () => {
  it('escapes the five HTML special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('escapes interpolated values but keeps literal markup and SafeHtml', () => {
    const evil = '"><img src=x onerror=alert(1)>';
    const out = html`<td title="${evil}">${evil}${raw('<b>ok</b>')}</td>`.value;
    expect(out).toBe('<td title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;<b>ok</b></td>');
    expect(out).not.toContain('<img');
  });

  it('joins arrays and drops null, undefined and false', () => {
    expect(html`<ul>${['<a>', 'b'].map((x) => html`<li>${x}</li>`)}${null}${undefined}${false}</ul>`.value).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>');
  });

  it('writes JSON that cannot close a script element and still parses to the same data', () => {
    const data = { q: '</script><script>alert(1)</script>', amp: 'a&b', sep: 'x\u2028y' };
    const text = jsonForScript(data);
    expect(text).not.toMatch(/<\/script/i);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual(data);
  });

  it('refuses to inline a script that contains a closing script tag', () => {
    expect(() => inlineScript('var a = "</script>";')).toThrow(/script/);
    expect(inlineScript('var a = 1;').value).toBe('var a = 1;');
  });
});
