import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { writeFileSync } from 'node:fs';
const c = NodeCompiler.create({ fontArgs: [{ fontPaths: ['/work/wt/issue-15/node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'] }] });
const r = c.compile({ mainFileContent: process.argv[2] });
const e = r.takeError(); if (e) console.log(JSON.stringify(e.shortDiagnostics));
writeFileSync('/tmp/i15/t.pdf', c.pdf(r.result));
