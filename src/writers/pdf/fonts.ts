import { FONT_ROLES, LATIN_FONT, resolveFonts, type FontRole } from '../../vocab/fonts.js';
import { UserError } from '../../errors.js';
import { BUNDLED_KAI, BUNDLED_SANS, BUNDLED_SERIF, bundledFile, shippedFile, SHIPPED_FONTS_DIR, type BundledFont } from './bundled.js';
import { facesIn, fontFolders, type FontFolder } from './font-folders.js';
import type { FaceInfo } from './sfnt.js';
import { sessionCache } from '../../session/session.js';

/**
 * Which font the PDF uses for each role. The official fonts are used where they are installed
 * (folders from `--font-dir`, `UNIONPLAN_FONT_DIR`, the system's font folders); otherwise the
 * bundled Noto fonts stand in. Fonts are named to Typst by the family name Typst registers them
 * under (仿宋 is FangSong, 方正小标宋简体 FZXiaoBiaoSong-B05S), which is read from the font files.
 */

/** A face Typst is asked for: `latin` faces set only Latin letters and digits. */
export interface LayoutFont {
  name: string;
  latin: boolean;
}

/** How the layout sets one role. */
export interface RoleFont {
  /** Font list, first choice first: Latin face, then the Chinese face. */
  fonts: LayoutFont[];
  /** Weight of regular text in this role. */
  weight: number;
  /** True when the Chinese face has no bold: bold is then drawn by stroking the outline. */
  fakeBold: boolean;
}

/** The fonts of every role, as the layout reads them. */
export type RoleFonts = Record<FontRole, RoleFont>;

/** The fonts for one PDF: per role, and the font files the compiler must be given. */
export interface PdfFonts {
  roles: RoleFonts;
  /** Files Typst is given besides the system's fonts (it finds those itself). */
  files: string[];
  /** Per role, what was chosen and why (for `unionplan fonts`). */
  choices: Record<FontRole, FontChoice>;
}

/** What {@link describeFonts} says about one role. */
export interface FontDescription {
  role: FontRole;
  /** The family the plan asks for, e.g. 仿宋. */
  family: string;
  /** The face used, e.g. FangSong, or "Noto Serif SC Bold" for the bundled stand-in. */
  used: string;
  /** The font file, or "内置字体 <file>" for a bundled face. */
  source: string;
  /** Said where a stand-in is used. */
  note?: string;
}

/** The face chosen for a role and why. */
export interface FontChoice {
  /** The family the plan asks for. */
  requested: string;
  /** The Typst family used. */
  family: string;
  /** The weight of regular text. */
  weight: number;
  /** The file of the face used (the one nearest the weight). */
  file: string;
  /** True when the face is a bundled stand-in. */
  bundled?: boolean;
  note?: string;
}

/**
 * The names an official family is found under, in order of preference: its Chinese name, the name
 * Windows registers it under, near relatives, and the macOS (华文, Apple) faces of the same style.
 */
const ALIASES: Record<string, readonly string[]> = {
  方正小标宋简体: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05', '方正小标宋'],
  方正小标宋_GBK: ['方正小标宋_GBK', 'FZXiaoBiaoSong-B05', '方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋'],
  小标宋: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05', '方正小标宋'],
  仿宋: ['仿宋', 'FangSong', '仿宋_GB2312', 'FangSong_GB2312', '华文仿宋', 'STFangsong'],
  仿宋_GB2312: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', '华文仿宋', 'STFangsong'],
  黑体: ['黑体', 'SimHei', '华文黑体', 'STHeiti', 'Heiti SC'],
  楷体: ['楷体', 'KaiTi', '楷体_GB2312', 'KaiTi_GB2312', '华文楷体', 'STKaiti', 'Kaiti SC'],
  楷体_GB2312: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', '华文楷体', 'STKaiti', 'Kaiti SC'],
  宋体: ['宋体', 'SimSun', '华文宋体', 'STSong', 'Songti SC'],
  'Times New Roman': ['Times New Roman', 'Liberation Serif'],
};

/** Weights that count as bold when asking whether a family has a bold face. */
const BOLD = 600;

/** Per role: the family asked for, the face used and where it comes from. */
export function describeFonts(options: { fontDirs?: string[]; fonts?: Partial<Record<FontRole, string>> }): FontDescription[] {
  const { choices } = chooseFonts(options.fontDirs, options.fonts);
  return FONT_ROLES.map((role) => {
    const choice = choices[role];
    const description: FontDescription = {
      role,
      family: choice.requested,
      used: choice.bundled ? `${choice.family}${weightName(choice.weight)}` : choice.family,
      source: choice.bundled ? `内置字体 ${choice.file}` : choice.file,
    };
    if (choice.note) description.note = choice.note;
    return description;
  });
}

function weightName(weight: number): string {
  return weight >= BOLD ? ' Bold' : weight >= 500 ? ' Medium' : '';
}

const memo = sessionCache<string, PdfFonts>('pdf-fonts', 32);

/** The fonts for a PDF with these font folders and these families per role; cached per session. */
export function chooseFonts(fontDirs: readonly string[] = [], overrides?: Partial<Record<FontRole, string>>): PdfFonts {
  const requested = resolveFonts(overrides);
  const folders = fontFolders(fontDirs);
  const key = JSON.stringify([folders.map((f) => f.path), requested]);
  let fonts = memo.get(key);
  if (!fonts) {
    fonts = computeFonts(folders, requested);
    memo.set(key, fonts);
  }
  return fonts;
}

function computeFonts(folders: FontFolder[], requested: Record<FontRole, string>): PdfFonts {
  const index = new FontIndex(folders);
  const files = new Set<string>();
  const latin = index.find(LATIN_FONT);
  const latinFonts: LayoutFont[] = latin ? [{ name: latin.family, latin: true }] : [];
  if (latin) for (const face of latin.faces) files.add(face.file);

  const roles = {} as RoleFonts;
  const choices = {} as Record<FontRole, FontChoice>;
  for (const role of FONT_ROLES) {
    const name = requested[role];
    const found = index.find(name);
    if (found) {
      const weight = 400;
      for (const face of found.faces) files.add(face.file);
      roles[role] = {
        fonts: [...latinFonts, { name: found.family, latin: false }],
        weight,
        fakeBold: !found.faces.some((face) => face.weight >= BOLD),
      };
      choices[role] = { requested: name, family: found.family, weight, file: nearest(found.faces, weight).file };
      continue;
    }
    const stand = standIn(role, name);
    const faces = bundledFaces(stand.set, name);
    for (const face of faces) files.add(face.file);
    const family = (faces[0] as FaceInfo).family;
    roles[role] = {
      fonts: [...latinFonts, { name: family, latin: false }],
      weight: stand.weight,
      fakeBold: !faces.some((f) => f.weight >= BOLD),
    };
    choices[role] = {
      requested: name,
      family,
      weight: stand.weight,
      file: nearest(faces, stand.weight).file,
      bundled: true,
      note: stand.note,
    };
  }
  return { roles, files: [...files].sort(), choices };
}

/** The bundled face standing in for a family that is not installed. */
function standIn(role: FontRole, name: string): { set: readonly BundledFont[]; weight: number; note: string } {
  const missing = `本机未找到「${name}」`;
  if (/黑|hei|sans|gothic/i.test(name)) return { set: BUNDLED_SANS, weight: 500, note: missing };
  if (/楷|kai/i.test(name)) {
    // Without the Kai face (a clone installed without it) the Song face stands in, as said.
    if (BUNDLED_KAI.every((font) => bundledFile(font))) return { set: BUNDLED_KAI, weight: 400, note: `${missing}，以霞鹜文楷代替` };
    return { set: BUNDLED_SERIF, weight: 400, note: `${missing}，且未找到内置楷体字体，以宋体类字体代替` };
  }
  return { set: BUNDLED_SERIF, weight: role === 'title' ? 700 : 400, note: missing };
}

/**
 * The faces of a bundled set. Their files are not read here: each is the family and weight it is
 * declared as (checked when the package is packed). Throws, naming the missing files, when the
 * package came without them.
 */
function bundledFaces(set: readonly BundledFont[], requested: string): FaceInfo[] {
  const missing = set.filter((font) => !bundledFile(font));
  if (missing.length) {
    const files = missing.map((font) => shippedFile(font)).join('、');
    throw new UserError(
      'input',
      `本机未找到「${requested}」，而 unionplan 自带的代替字体缺少文件：${files}。` +
        `请重新安装 unionplan（安装包的 ${SHIPPED_FONTS_DIR}/ 文件夹中应有这些文件）；在源代码文件夹中运行时，先运行 npm install 安装开发依赖；` +
        '也可以用 --font-dir 指定装有公文字体的文件夹，或改用 --format docx',
    );
  }
  return set.map((font) => ({
    file: bundledFile(font) as string,
    index: 0,
    family: font.family,
    names: [font.family],
    weight: font.weight,
    italic: false,
  }));
}

function nearest(faces: readonly FaceInfo[], weight: number): FaceInfo {
  let best = faces[0] as FaceInfo;
  for (const face of faces) {
    const score = (f: FaceInfo) => Math.abs(f.weight - weight) + (f.italic ? 1000 : 0);
    if (score(face) < score(best)) best = face;
  }
  return best;
}

/** Normal form for comparing font names: case, width and spacing ignored. */
function normalize(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/** The faces of the font folders, searched lazily folder by folder. */
class FontIndex {
  private readonly scanned: FaceInfo[][] = [];

  constructor(private readonly folders: readonly FontFolder[]) {}

  /** The installed family known by this name or one of its aliases, with all its faces. */
  find(name: string): { family: string; faces: FaceInfo[] } | undefined {
    const candidates = (ALIASES[name.trim()] ?? [name]).map(normalize);
    if (!candidates.includes(normalize(name))) candidates.unshift(normalize(name));
    for (const candidate of candidates) {
      for (let i = 0; i < this.folders.length; i++) {
        const face = this.facesOf(i).find((f) => f.names.some((n) => normalize(n) === candidate) || normalize(f.family) === candidate);
        if (face) return { family: face.family, faces: this.family(face.family) };
      }
    }
    return undefined;
  }

  private family(family: string): FaceInfo[] {
    const key = family.toLowerCase();
    const faces: FaceInfo[] = [];
    for (let i = 0; i < this.folders.length; i++) faces.push(...this.facesOf(i).filter((f) => f.family.toLowerCase() === key));
    return faces;
  }

  private facesOf(i: number): FaceInfo[] {
    let faces = this.scanned[i];
    if (!faces) {
      faces = facesIn((this.folders[i] as FontFolder).path);
      this.scanned[i] = faces;
    }
    return faces;
  }
}
