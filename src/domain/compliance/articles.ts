/**
 * The statute provisions compliance answers rest on: PIPL first (the inventories are Chinese apps),
 * with the GDPR, the Cybersecurity Law and the EDPB's DPIA guidelines alongside. Every finding,
 * assessment and plan cites entries of this catalogue, never free text, so a citation can be
 * filtered by law and looked up.
 */

export const LAWS = ['PIPL', 'GDPR', 'CSL', 'EDPB'] as const;
export type Law = (typeof LAWS)[number];

export interface ArticleRef {
  law: Law;
  /** As cited: `PIPL Art. 29`, `GDPR Art. 30(1)`, `WP248 rev.01`. */
  citation: string;
  /** What the provision requires, in a line. */
  title: string;
}

const PROVISIONS = {
  'PIPL Art. 4': ['PIPL', 'Personal information is any information on an identified or identifiable person; only anonymised data is outside the law'],
  'PIPL Art. 6': ['PIPL', 'A clear, reasonable purpose; processing limited to the minimum scope needed for it'],
  'PIPL Art. 13': ['PIPL', 'Processing needs one of the bases of Art. 13(1)(1)–(7); there is no "legitimate interests" basis'],
  'PIPL Art. 14': ['PIPL', 'Consent must be informed, voluntary and explicit; renewed when purpose, method or categories change'],
  'PIPL Art. 15': ['PIPL', 'Consent can be withdrawn; withdrawal does not affect processing already done'],
  'PIPL Art. 16': ['PIPL', 'A product or service may not be refused because the individual refuses processing it does not need'],
  'PIPL Art. 17(1)(1)': ['PIPL', "Notice: the handler's name and contact details"],
  'PIPL Art. 17(1)(2)': ['PIPL', 'Notice: purposes, methods, categories of personal information and retention period'],
  'PIPL Art. 17(1)(3)': ['PIPL', 'Notice: how to exercise the rights of this law'],
  'PIPL Art. 17(2)': ['PIPL', 'A change to any notice item must be told to the individual'],
  'PIPL Art. 19': ['PIPL', 'Keep personal information only for the shortest time the purpose needs'],
  'PIPL Art. 21': ['PIPL', 'Entrusted processing: agreed purpose, period, method, categories and measures; no sub-entrustment without consent; return or delete at the end'],
  'PIPL Art. 22': ['PIPL', "Transfer on merger, division, dissolution or bankruptcy: tell individuals the recipient's name and contact; the recipient keeps the handler's duties"],
  'PIPL Art. 23': ['PIPL', "Provision to another handler: tell the recipient's name, contact, purpose, method and categories, and obtain separate consent"],
  'PIPL Art. 24': ['PIPL', 'Automated decision-making: transparent and fair; personalised push and marketing must offer a non-personalised option or easy refusal'],
  'PIPL Art. 25': ['PIPL', 'No public disclosure of personal information without separate consent'],
  'PIPL Art. 28': ['PIPL', 'Sensitive personal information only for a specific purpose, with sufficient necessity and strict protection'],
  'PIPL Art. 29': ['PIPL', 'Processing sensitive personal information needs separate consent'],
  'PIPL Art. 30': ['PIPL', 'Tell the individual why sensitive personal information is necessary and how processing affects them'],
  'PIPL Art. 31': ['PIPL', 'Personal information of minors under 14 needs guardian consent and dedicated processing rules'],
  'PIPL Art. 38': ['PIPL', 'Cross-border provision needs a security assessment, certification, the standard contract or another condition'],
  'PIPL Art. 39': ['PIPL', "Cross-border provision: tell the overseas recipient's name, contact and purpose, and obtain separate consent"],
  'PIPL Art. 47': ['PIPL', 'Delete personal information when the purpose is met, the service ends or consent is withdrawn; where a legal retention period runs, stop everything but storage and security'],
  'PIPL Art. 51': ['PIPL', 'Security measures appropriate to the processing and its risks'],
  'PIPL Art. 55': ['PIPL', 'A personal information protection impact assessment before processing sensitive PI, automated decision-making, entrusting, providing or disclosing, or cross-border provision'],
  'PIPL Art. 56': ['PIPL', 'The assessment covers lawfulness, legitimacy and necessity; impact and risk; and whether the measures are lawful, effective and proportionate; keep it at least three years'],
  'PIPL Art. 57': ['PIPL', 'On a breach: remedy at once, notify the authority and the individuals of the categories, causes and harm, the measures taken and advised, and a contact'],
  'PIPL Art. 73': ['PIPL', 'De-identified information still identifies with additional information; only anonymised information cannot be restored'],
  'CSL Art. 21(3)': ['CSL', 'Network operators keep network logs for at least six months'],
  'GDPR Art. 5(1)(b)': ['GDPR', 'Purpose limitation'],
  'GDPR Art. 5(1)(c)': ['GDPR', 'Data minimisation'],
  'GDPR Art. 5(1)(e)': ['GDPR', 'Storage limitation'],
  'GDPR Art. 6(1)': ['GDPR', 'Lawfulness: one of the bases of Art. 6(1)(a)–(f)'],
  'GDPR Art. 7(2)': ['GDPR', 'A consent request must be clearly distinguishable from other matters'],
  'GDPR Art. 7(3)': ['GDPR', 'Consent can be withdrawn as easily as it was given'],
  'GDPR Art. 7(4)': ['GDPR', 'Consent is not freely given when a service is made conditional on processing it does not need'],
  'GDPR Art. 8': ["GDPR", "A child's consent for information-society services needs parental authorisation, with reasonable efforts to verify it"],
  'GDPR Art. 9(2)(a)': ['GDPR', 'Special categories of data: explicit consent'],
  'GDPR Art. 13(1)(a)': ['GDPR', "Notice: the controller's identity and contact details"],
  'GDPR Art. 13(1)(e)': ['GDPR', 'Notice: the recipients or categories of recipients'],
  'GDPR Art. 13(2)(a)': ['GDPR', 'Notice: the storage period, or the criteria that determine it'],
  'GDPR Art. 17': ['GDPR', 'Right to erasure; tell other controllers of erasure requests for data made public'],
  'GDPR Art. 19': ['GDPR', 'Tell every recipient of an erasure, unless impossible or disproportionate'],
  'GDPR Art. 21(2)': ['GDPR', 'Right to object to direct marketing, including profiling'],
  'GDPR Art. 22': ['GDPR', 'Automated individual decisions, including profiling'],
  'GDPR Art. 28': ['GDPR', 'Processors act on documented instructions under a contract; sub-processors need authorisation'],
  'GDPR Art. 30(1)': ['GDPR', 'Records of processing activities, items (a)–(g)'],
  'GDPR Art. 33': ['GDPR', 'Notify a breach to the supervisory authority within 72 hours'],
  'GDPR Art. 34': ['GDPR', 'Tell data subjects of a breach likely to result in a high risk'],
  'GDPR Art. 35': ['GDPR', 'A data protection impact assessment where processing is likely to result in a high risk'],
  'GDPR Art. 44': ['GDPR', 'Transfers to third countries only under the conditions of Chapter V'],
  'GDPR Art. 46': ['GDPR', 'Transfers subject to appropriate safeguards'],
  'GDPR Art. 49(1)(a)': ['GDPR', 'Transfer on explicit consent after being told of the risks'],
  'WP248 rev.01': ['EDPB', 'DPIA guidelines: a DPIA is likely required when two or more of the nine criteria are met'],
} as const satisfies Record<string, readonly [Law, string]>;

export type Citation = keyof typeof PROVISIONS;

export function article(citation: Citation): ArticleRef {
  const [law, title] = PROVISIONS[citation];
  return { law, citation, title };
}

/** Articles in the order given, without repeats. */
export function articles(...citations: Citation[]): ArticleRef[] {
  return [...new Set(citations)].map(article);
}

/** Merges citation lists, keeping the first occurrence's order. */
export function mergeArticles(...lists: ArticleRef[][]): ArticleRef[] {
  const seen = new Map<string, ArticleRef>();
  for (const list of lists) for (const a of list) if (!seen.has(a.citation)) seen.set(a.citation, a);
  return [...seen.values()];
}
