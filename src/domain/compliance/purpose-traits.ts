/**
 * What a purpose's own wording says it does. The inventory has no "automated decision" flag, but
 * policies say it plainly (间接用户画像, 综合判断您账户及交易风险), and PIPL Art. 73(2) defines
 * automated decision-making as analysing and evaluating a person's behaviour, interests or
 * credit and deciding on it. Every answer built on these signals quotes the words it matched.
 */
import type { DataFlow, Purpose } from '../manifest';

/** Profiling and personalisation (PIPL Art. 24; GDPR Art. 4(4), 21(2)). */
const PROFILING = /画像|个性化|定向推送|精准营销|精准推送|算法推荐|\bprofiling\b|\buser profiles?\b|personali[sz]ed (push|ads|advertising|recommendations?|content|marketing)|recommendation (algorithms?|engines?)|targeted advertising|behaviou?ral advertising/gi;
/** Evaluating or scoring people: risk, credit, fraud judgements (PIPL Art. 73(2); WP248 criterion 1). */
const EVALUATION = /判断[^,.，。;；]{0,12}风险|风险[^,.，。;；]{0,6}(评估|判断|控制)|信用|评分|评估您|scor(e|ing)\b|risk (assessment|scoring|control)|credit\w*|creditworth\w*/gi;
/** Monitoring in the background or continuously (WP248 criterion 3). */
const MONITORING = /后台|静默|实时定位|持续定位|background|silent(ly)?|continuous (tracking|monitoring|location)|tracking/gi;
/** Combining or matching data sets (WP248 criterion 6). */
const COMBINING = /关联或整合|整合|结合使用|combin\w+|match(ing)? (data|records)|merg(e|ing) data/gi;

/** The words matched, first spelling of each kept (case-insensitively). */
function matches(re: RegExp, ...texts: Array<string | null | undefined>): string[] {
  const out = new Map<string, string>();
  for (const t of texts) {
    if (!t) continue;
    for (const m of t.matchAll(re)) if (!out.has(m[0].toLowerCase())) out.set(m[0].toLowerCase(), m[0]);
  }
  return [...out.values()];
}

const purposeText = (p: Purpose) => [p.key.replace(/-/g, ' '), p.name, p.nameZh, p.description];
const flowText = (f: DataFlow) => [f.name, f.nameZh, f.description, f.scenario];

export function profilingWords(purpose: Purpose): string[] {
  return matches(PROFILING, ...purposeText(purpose));
}

export function evaluationWords(purpose: Purpose): string[] {
  return matches(EVALUATION, ...purposeText(purpose));
}

export function monitoringWords(flow: DataFlow): string[] {
  return matches(MONITORING, ...flowText(flow));
}

export function combiningWords(texts: Array<string | null | undefined>): string[] {
  return matches(COMBINING, ...texts);
}
