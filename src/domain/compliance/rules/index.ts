/**
 * The rule catalogue, in the order findings of equal severity are listed: consent and lawfulness
 * first (PIPL-first), then disclosure, necessity, retention, minors and transparency.
 */
import type { ComplianceRule } from '../findings';
import {
  consentNotFreelyGiven,
  profilingWithoutOptOut,
  requiredFlowBehindRuntimePermission,
  requiredForExtendedFunction,
  sensitiveWithoutPurpose,
  sensitiveWithoutSeparateConsent,
} from './consent-rules';
import { crossBorderWithoutSafeguards, entrustmentIncomplete, provisionWithoutSeparateConsent, recipientNotIdentified } from './disclosure-rules';
import { fieldWithoutPurpose, legalBasisNotInPipl, permissionGatesNoPurpose, purposeWithoutLegalBasis } from './lawfulness-rules';
import { minorsExcludedWithoutAgeCheck, minorsWithoutGuardianConsent } from './minors-rules';
import { noRetentionStatement, retentionWithoutPeriod } from './retention-rules';
import { handlerContactMissing } from './transparency-rules';

export const COMPLIANCE_RULES: readonly ComplianceRule[] = [
  sensitiveWithoutSeparateConsent,
  sensitiveWithoutPurpose,
  provisionWithoutSeparateConsent,
  crossBorderWithoutSafeguards,
  purposeWithoutLegalBasis,
  legalBasisNotInPipl,
  minorsWithoutGuardianConsent,
  consentNotFreelyGiven,
  requiredForExtendedFunction,
  requiredFlowBehindRuntimePermission,
  profilingWithoutOptOut,
  recipientNotIdentified,
  entrustmentIncomplete,
  fieldWithoutPurpose,
  permissionGatesNoPurpose,
  noRetentionStatement,
  retentionWithoutPeriod,
  minorsExcludedWithoutAgeCheck,
  handlerContactMissing,
];
