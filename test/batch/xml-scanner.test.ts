/** The streaming XML scanner of the .xlsx reader: the same events however the text is cut into pieces. */
import { describe, expect, it } from 'vitest';
import { XmlFault, XmlScanner, decodeXml, type XmlAttributes } from '../../src/batch/xlsx/xml-scanner.js';

/** What the scanner reports for `pieces`, text joined between tags and decoded. */
function events(pieces: string[]): string[] {
  const seen: string[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') seen.push(`text ${decodeXml(text)}`);
    text = '';
  };
  const scanner = new XmlScanner({
    open(name: string, attributes: XmlAttributes, selfClosing: boolean) {
      flush();
      seen.push(`open ${name} ${JSON.stringify(attributes)}${selfClosing ? ' /' : ''}`);
    },
    close(name: string) {
      flush();
      seen.push(`close ${name}`);
    },
    text(raw: string) {
      text += raw;
    },
  });
  for (const piece of pieces) scanner.push(piece);
  scanner.end();
  flush();
  return seen;
}

const XML =
  '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- 注释 <c> -->' +
  '<x:sst xmlns:x="urn:x" count=\'2\'><x:si><x:t xml:space="preserve"> 甲&amp;乙 &#x5DE5;&#20250; </x:t></x:si>' +
  '<x:si><x:t><![CDATA[<b> & 丙]]></x:t><x:rPh sb="0"><x:t>ト</x:t></x:rPh></x:si><x:si/><sheet name="a>b" state="hidden" r:id="rId1"/></x:sst>';

describe('XmlScanner', () => {
  it('reads elements, prefixed names, attributes (with > inside quotes), entities, character references, CDATA, comments', () => {
    expect(events([XML])).toEqual([
      // The declaration and the comment are passed over; the text around them is one.
      'text \uFEFF\n',
      'open sst {"xmlns:x":"urn:x","count":"2"}',
      'open si {}',
      'open t {"xml:space":"preserve"}',
      'text  甲&乙 工会 ',
      'close t',
      'close si',
      'open si {}',
      'open t {}',
      'text <b> & 丙',
      'close t',
      'open rPh {"sb":"0"}',
      'open t {}',
      'text ト',
      'close t',
      'close rPh',
      'close si',
      'open si {} /',
      'close si',
      'open sheet {"name":"a>b","state":"hidden","r:id":"rId1"} /',
      'close sheet',
      'close sst',
    ]);
  });

  it('gives the same events whatever the pieces: cut at every place, and one character at a time', () => {
    const whole = events([XML]);
    for (let cut = 1; cut < XML.length; cut++) expect(events([XML.slice(0, cut), XML.slice(cut)])).toEqual(whole);
    expect(events([...XML])).toEqual(whole);
  });

  it('refuses a DOCTYPE, a tag that does not end, and broken markup', () => {
    expect(() => events(['<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'])).toThrow(new XmlFault('含有 DOCTYPE 声明（Excel 工作簿中不应有）'));
    expect(() => events(['<row><c r="A1"'])).toThrow(/XML 在标签中间结束/);
    expect(() => events(['<row><c r=A1>1</c></row>'])).toThrow(/标签格式有误（“<c r=A1>”）/);
    expect(() => events(['<row>', `<c r="${'A'.repeat(1100 * 1024)}`])).toThrow(/标签过长或没有结束/);
  });
});
