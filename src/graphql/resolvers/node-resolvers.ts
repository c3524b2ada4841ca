/**
 * Field resolvers for the graph's relations. Each is one line into the reader, whose loaders
 * batch across all items of a list, so nothing here loops over the store.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Resolver, Root } from 'type-graphql';
import type { DataCategory, DataFlow, LegalBasis, Party, Permission, Purpose } from '../../domain/manifest';
import type { LineageDirection } from '../../domain/vocabulary';
import type { StoredCategory, StoredDocument, StoredField } from '../../domain/stored';
import type { RequestContext } from '../context';
import { LineageDirectionEnum } from '../enums';
import { asksOnlyKey } from '../key-only';
import {
  ClauseType,
  DataCategoryType,
  DataFlowType,
  LegalBasisType,
  PartyType,
  PermissionType,
  PersonalFieldType,
  PolicyDocumentType,
  PurposeType,
} from '../types/nodes';
import { LineagePathType, LineageType } from '../types/results';
import { clausesOf, sourcesOf } from './sources';
import type { LineageGraphFormat } from '../../domain/lineage-graph/render';
import type { LabelLanguage } from '../../domain/vocabulary-labels';
import { renderFieldLineage } from '../../services/lineage-graph-export';
import { LabelLanguageEnum, LineageGraphFormatEnum } from '../lineage-graph-enums';

@Resolver(() => PersonalFieldType)
export class PersonalFieldResolver {
  @FieldResolver(() => DataCategoryType)
  category(@Root() f: StoredField, @Ctx() ctx: RequestContext) {
    return ctx.reader.requireNode('category', f.category);
  }

  @FieldResolver(() => Boolean, { description: "Own statement, else the category's (inherited up the tree)" })
  sensitive(@Root() f: StoredField) {
    return f.effective.sensitive;
  }

  @FieldResolver(() => String, { nullable: true, description: 'PIPL Art. 28 / GB/T 35273 class, e.g. BIOMETRIC' })
  sensitiveClass(@Root() f: StoredField) {
    return f.effective.sensitiveClass;
  }

  @FieldResolver(() => [DataFlowType], { description: 'Flows that carry it, directly or through its category' })
  flows(@Root() f: StoredField, @Ctx() ctx: RequestContext) {
    return ctx.reader.fieldFlows(f.key);
  }

  @FieldResolver(() => [PartyType], { description: 'Every party outside the handler that it reaches' })
  recipients(@Root() f: StoredField, @Ctx() ctx: RequestContext) {
    return ctx.reader.fieldRecipients(f.key);
  }

  @FieldResolver(() => [PurposeType])
  purposes(@Root() f: StoredField, @Ctx() ctx: RequestContext) {
    return ctx.reader.fieldFlowTargets(f.key, 'purpose');
  }

  @FieldResolver(() => [LegalBasisType])
  legalBases(@Root() f: StoredField, @Ctx() ctx: RequestContext) {
    return ctx.reader.fieldFlowTargets(f.key, 'legalBasis');
  }

  @FieldResolver(() => [PermissionType])
  permissions(@Root() f: StoredField, @Ctx() ctx: RequestContext) {
    return ctx.reader.fieldFlowTargets(f.key, 'permission');
  }

  @FieldResolver(() => LineageType, { description: 'Field-level paths; cycle-safe; truncated when a bound cut it short' })
  async lineage(
    @Root() f: StoredField,
    @Ctx() ctx: RequestContext,
    @Arg('direction', () => LineageDirectionEnum, { nullable: true, defaultValue: 'DOWNSTREAM' }) direction: LineageDirection | null,
    @Arg('maxDepth', () => Int, { nullable: true, defaultValue: 5, description: '1 to 20' }) maxDepth: number | null,
    @Arg('from', () => ID, { nullable: true, description: 'Start at this party instead of the origins (downstream) or sinks (upstream)' }) from: string | null,
  ) {
    const traced = await ctx.reader.lineage(f.key, { direction: direction ?? 'DOWNSTREAM', maxDepth: maxDepth ?? 5, fromPartyKey: from });
    return {
      truncated: traced.truncated,
      paths: traced.paths.map((p) => ({ hopKeys: p.hops, destinationKey: p.destination })),
    };
  }

  @FieldResolver(() => String, { description: 'The lineage as Mermaid or Graphviz DOT text, for documents and pull requests: parties as nodes, flows as arrows labelled with purposes, legal bases and consent' })
  lineageGraph(
    @Root() f: StoredField,
    @Ctx() ctx: RequestContext,
    @Arg('format', () => LineageGraphFormatEnum, { nullable: true, defaultValue: 'MERMAID' }) format: LineageGraphFormat | null,
    @Arg('direction', () => LineageDirectionEnum, { nullable: true, defaultValue: 'DOWNSTREAM' }) direction: LineageDirection | null,
    @Arg('maxDepth', () => Int, { nullable: true, defaultValue: 5, description: '1 to 20' }) maxDepth: number | null,
    @Arg('from', () => ID, { nullable: true, description: 'Start at this party instead of the origins (downstream) or sinks (upstream)' }) from: string | null,
    @Arg('language', () => LabelLanguageEnum, { nullable: true, defaultValue: 'ZH' }) language: LabelLanguage | null,
    @Arg('collapseAbove', () => Int, { nullable: true, defaultValue: 0, description: 'Group end-of-line recipients of one kind once a party has more than this many; 0 draws every party' }) collapseAbove: number | null,
  ) {
    return renderFieldLineage(ctx.reader, f, {
      format: format ?? 'MERMAID',
      language: language ?? 'ZH',
      direction: direction ?? 'DOWNSTREAM',
      maxDepth: maxDepth ?? 5,
      fromPartyKey: from,
      collapseAbove: collapseAbove ?? 0,
    });
  }

  @FieldResolver(() => [ClauseType])
  sources(@Root() f: StoredField, @Ctx() ctx: RequestContext) {
    return sourcesOf(ctx, 'field', f);
  }
}

// Paths, hops and flow ends name nodes the store just handed out (the lineage walk's edges, a
// flow's own references), so a selection of their key alone is answered without reading them.
@Resolver(() => LineagePathType)
export class LineagePathResolver {
  @FieldResolver(() => [DataFlowType])
  hops(@Root() p: LineagePathType, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return asksOnlyKey(info) ? p.hopKeys.map((key) => ({ key })) : ctx.reader.nodes('flow', p.hopKeys);
  }

  @FieldResolver(() => PartyType)
  destination(@Root() p: LineagePathType, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return asksOnlyKey(info) ? { key: p.destinationKey } : ctx.reader.requireNode('party', p.destinationKey);
  }
}

@Resolver(() => DataCategoryType)
export class DataCategoryResolver {
  @FieldResolver(() => DataCategoryType, { nullable: true })
  parent(@Root() c: DataCategory, @Ctx() ctx: RequestContext) {
    return c.parent ? ctx.reader.node('category', c.parent) : null;
  }

  @FieldResolver(() => [DataCategoryType])
  children(@Root() c: DataCategory, @Ctx() ctx: RequestContext) {
    return ctx.reader.relatedNodes('category.children', c.key, 'category');
  }

  @FieldResolver(() => Boolean, { description: 'Own statement, else inherited from the parent' })
  sensitive(@Root() c: StoredCategory) {
    return c.effective.sensitive;
  }

  @FieldResolver(() => String, { nullable: true })
  sensitiveClass(@Root() c: StoredCategory) {
    return c.effective.sensitiveClass;
  }

  @FieldResolver(() => [PersonalFieldType], { description: 'Fields classified directly under it' })
  fields(@Root() c: DataCategory, @Ctx() ctx: RequestContext) {
    return ctx.reader.relatedNodes('category.fields', c.key, 'field');
  }

  @FieldResolver(() => [ClauseType])
  sources(@Root() c: DataCategory, @Ctx() ctx: RequestContext) {
    return sourcesOf(ctx, 'category', c);
  }
}

@Resolver(() => DataFlowType)
export class DataFlowResolver {
  @FieldResolver(() => PartyType)
  from(@Root() f: DataFlow, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return asksOnlyKey(info) ? { key: f.from } : ctx.reader.requireNode('party', f.from);
  }

  @FieldResolver(() => PartyType)
  to(@Root() f: DataFlow, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return asksOnlyKey(info) ? { key: f.to } : ctx.reader.requireNode('party', f.to);
  }

  @FieldResolver(() => [PersonalFieldType], { description: 'Fields the flow names itself' })
  fields(@Root() f: DataFlow, @Ctx() ctx: RequestContext) {
    return ctx.reader.nodes('field', f.fields);
  }

  @FieldResolver(() => [DataCategoryType], { description: 'Categories it carries whole' })
  categories(@Root() f: DataFlow, @Ctx() ctx: RequestContext) {
    return ctx.reader.nodes('category', f.categories);
  }

  @FieldResolver(() => [PersonalFieldType], { description: 'Every field it carries: named ones and all under its categories' })
  carriedFields(@Root() f: DataFlow, @Ctx() ctx: RequestContext) {
    return ctx.reader.fieldsCarriedBy([f.key]);
  }

  @FieldResolver(() => [PurposeType])
  purposes(@Root() f: DataFlow, @Ctx() ctx: RequestContext) {
    return ctx.reader.nodes('purpose', f.purposes);
  }

  @FieldResolver(() => [LegalBasisType])
  legalBases(@Root() f: DataFlow, @Ctx() ctx: RequestContext) {
    return ctx.reader.nodes('legalBasis', f.legalBases);
  }

  @FieldResolver(() => [PermissionType])
  permissions(@Root() f: DataFlow, @Ctx() ctx: RequestContext) {
    return ctx.reader.nodes('permission', f.permissions);
  }

  @FieldResolver(() => Boolean, { description: 'Both ends state a country and they differ (PIPL Art. 38)' })
  crossBorder(@Root() f: DataFlow, @Ctx() ctx: RequestContext) {
    return ctx.reader.crossBorder(f);
  }

  @FieldResolver(() => [ClauseType])
  sources(@Root() f: DataFlow, @Ctx() ctx: RequestContext) {
    return sourcesOf(ctx, 'flow', f);
  }
}

@Resolver(() => PartyType)
export class PartyResolver {
  @FieldResolver(() => [DataFlowType])
  inbound(@Root() p: Party, @Ctx() ctx: RequestContext) {
    return ctx.reader.relatedNodes('party.inbound', p.key, 'flow');
  }

  @FieldResolver(() => [DataFlowType])
  outbound(@Root() p: Party, @Ctx() ctx: RequestContext) {
    return ctx.reader.relatedNodes('party.outbound', p.key, 'flow');
  }

  @FieldResolver(() => [PersonalFieldType], { description: 'Every field its inbound flows carry' })
  receivedFields(@Root() p: Party, @Ctx() ctx: RequestContext) {
    return ctx.reader.partyReceivedFields(p.key);
  }

  @FieldResolver(() => [ClauseType])
  sources(@Root() p: Party, @Ctx() ctx: RequestContext) {
    return sourcesOf(ctx, 'party', p);
  }
}

@Resolver(() => PurposeType)
export class PurposeResolver {
  @FieldResolver(() => [PersonalFieldType])
  fields(@Root() p: Purpose, @Ctx() ctx: RequestContext) {
    return ctx.reader.purposeFields(p.key);
  }

  @FieldResolver(() => [DataFlowType])
  flows(@Root() p: Purpose, @Ctx() ctx: RequestContext) {
    return ctx.reader.relatedNodes('purpose.flows', p.key, 'flow');
  }

  @FieldResolver(() => [ClauseType])
  sources(@Root() p: Purpose, @Ctx() ctx: RequestContext) {
    return sourcesOf(ctx, 'purpose', p);
  }
}

@Resolver(() => PermissionType)
export class PermissionResolver {
  @FieldResolver(() => [PersonalFieldType], { description: 'Fields carried by the flows it gates' })
  fields(@Root() p: Permission, @Ctx() ctx: RequestContext) {
    return ctx.reader.permissionFields(p.key);
  }

  @FieldResolver(() => [PurposeType], { description: 'Purposes of the flows it gates' })
  purposes(@Root() p: Permission, @Ctx() ctx: RequestContext) {
    return ctx.reader.permissionPurposes(p.key);
  }

  @FieldResolver(() => [DataFlowType])
  flows(@Root() p: Permission, @Ctx() ctx: RequestContext) {
    return ctx.reader.relatedNodes('permission.flows', p.key, 'flow');
  }

  @FieldResolver(() => [ClauseType])
  sources(@Root() p: Permission, @Ctx() ctx: RequestContext) {
    return sourcesOf(ctx, 'permission', p);
  }
}

@Resolver(() => LegalBasisType)
export class LegalBasisResolver {
  @FieldResolver(() => [DataFlowType])
  flows(@Root() l: LegalBasis, @Ctx() ctx: RequestContext) {
    return ctx.reader.relatedNodes('legalBasis.flows', l.key, 'flow');
  }

  @FieldResolver(() => [ClauseType])
  sources(@Root() l: LegalBasis, @Ctx() ctx: RequestContext) {
    return sourcesOf(ctx, 'legalBasis', l);
  }
}

@Resolver(() => PolicyDocumentType)
export class PolicyDocumentResolver {
  @FieldResolver(() => [ClauseType])
  async clauses(@Root() d: StoredDocument, @Ctx() ctx: RequestContext) {
    return clausesOf(ctx, await ctx.reader.relatedKeys('document.clauses', d.key));
  }
}

@Resolver(() => ClauseType)
export class ClauseResolver {
  @FieldResolver(() => PolicyDocumentType)
  document(@Root() c: ClauseType, @Ctx() ctx: RequestContext) {
    return ctx.reader.requireNode('document', c.documentKey);
  }
}
