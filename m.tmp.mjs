import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
const c = NodeCompiler.create({ fontArgs: [{ fontPaths: ['/work/wt/issue-15/node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'] }] });
const src = process.argv[2];
const r = c.compile({ mainFileContent: src });
const e = r.takeError(); if (e) console.log(JSON.stringify(e.shortDiagnostics));
const w = r.takeWarnings(); if (w) console.log(JSON.stringify(w.shortDiagnostics));
const q = c.query(r.result, { selector: '<m>' });
console.log(JSON.stringify(q));
