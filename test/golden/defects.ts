// The defects of the sample texts (shared/seeds/README.md) that no built-in plan may carry.
export const DEFECTS: [string, RegExp][] = [
  ['placeholder', /xx|XX|__|＿|□|〈〉|某某|（\s*）/],
  ['typed numbering in text', /(^|\n)([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+、|第[一二三四五六七八九十]+、)/],
  ['half-width punctuation between Chinese', /[\p{Script=Han}][,;:()][\p{Script=Han}]/u],
  ['space inside Chinese text', /[\p{Script=Han}] +[\p{Script=Han}]/u],
  ['sample names', /闵行|福田|贵州铝厂|新柳|徐总|蔡书记|洋山/],
  // What came from the sample authors' own units, regions and decades (issue 10).
  ['sample-era leftovers', /排故|夺标|协力工|学陶师陶|新课程|班级网页|地方教育附加|爱心妈咪|主题集市|每月一题|参政议政|能级|半边天|新时期|疫情|学习型/],
  ['colloquialisms', /满堂灌|狠下功夫|下功夫|抓手/],
  // One spelling per term: 制定 throughout.
  ['制订', /制订/],
];
