/** Transparency: who the handler is and how to reach it (PIPL Art. 17(1)(1)). */
import { articles } from '../articles';
import { finding, type ComplianceRule } from '../findings';
import { sourcesOf } from './helpers';

export const handlerContactMissing: ComplianceRule = {
  id: 'handler-contact-missing',
  title: "The handler's contact details are not stated",
  severity: 'MEDIUM',
  description:
    "No party of the handler (FIRST_PARTY) records contact details. A notice must give the handler's name and contact (PIPL Art. 17(1)(1); GDPR Art. 13(1)(a)), and users need a channel to exercise their rights.",
  articles: articles('PIPL Art. 17(1)(1)', 'PIPL Art. 17(1)(3)', 'GDPR Art. 13(1)(a)'),
  check(index) {
    const handlers = index.handlerParties();
    if (handlers.length === 0 || index.handlerContacts().length > 0) return [];
    return [finding(this, {
      severity: 'MEDIUM',
      subject: { type: 'PARTY', key: handlers[0].key, name: index.label(handlers[0]) },
      message: `None of the handler's parties (${handlers.map((h) => h.key).join(', ')}) records contact details.`,
      remedy: "Record the handler's legal name, postal address and an electronic contact (and the personal information protection officer's, where one is required) on the handler's party.",
      articles: this.articles,
      clauses: index.clauses(sourcesOf(...handlers)),
      involves: { parties: handlers.map((h) => h.key) },
    })];
  },
};
