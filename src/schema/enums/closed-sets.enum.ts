import { registerEnumType } from 'type-graphql';
import {
  API_KEY_ROLES,
  BODY_KINDS,
  BOX_KINDS,
  COMPARATOR_NAMES,
  enumObject,
  INGEST_WARNING_KINDS,
  LINK_ROLES,
  PLACE_KINDS,
  PROJECT_KINDS,
  SCORECARD_STATUSES,
  TASK_MOODS,
} from '../../graph/read/values';

/**
 * The GraphQL enums of the graph's closed value lists (src/graph/read/values.ts): each is
 * registered from the list the decoders check, so an answer can hold no value the enum lacks.
 */

export const BodyKindEnum = enumObject(BODY_KINDS);
registerEnumType(BodyKindEnum, {
  name: 'BodyKind',
  description: 'coordination: a joint conference or leading group; government: a people’s government (the city’s, or a district’s); department: a municipal department; party: a party organisation; mass_organisation: a mass organisation.',
});

export const BoxKindEnum = enumObject(BOX_KINDS);
registerEnumType(BoxKindEnum, { name: 'BoxKind', description: 'What a box (专栏) holds, read from its title.' });

export const PlaceKindEnum = enumObject(PLACE_KINDS);
registerEnumType(PlaceKindEnum, {
  name: 'PlaceKind',
  description:
    'district, county, autonomous_county, functional_zone: places of Chongqing (seed/chongqing-districts.csv); region: a region of the plan’s spatial pattern; outside: a place outside Chongqing; province, prefecture, county_level: divisions of China that a plan of another jurisdiction names.',
});

export const ProjectKindEnum = enumObject(PROJECT_KINDS);
registerEnumType(ProjectKindEnum, { name: 'ProjectKind', description: 'demonstration: a project of a projects box; transport: a transport project; renewal: a renewal programme.' });

export const TaskMoodEnum = enumObject(TASK_MOODS);
registerEnumType(TaskMoodEnum, { name: 'TaskMood', description: 'directive: the sentence asks for something to be done; descriptive: it states what is or was.' });

/** The names are GraphQL's (an enum value cannot be `>=`); the values are what the graph stores. */
export const ComparatorEnum = COMPARATOR_NAMES;
registerEnumType(ComparatorEnum, {
  name: 'Comparator',
  description: 'How a value compares with its target: eq (=, 达到), gte (≥, 以上), gt (>), lte (≤, 以下, 以内), lt (<), about (左右, 约).',
});

export const IngestWarningKindEnum = enumObject(INGEST_WARNING_KINDS);
registerEnumType(IngestWarningKindEnum, { name: 'IngestWarningKind', description: 'What an ingest warning is about.' });

export const ScorecardStatusEnum = enumObject(SCORECARD_STATUSES);
registerEnumType(ScorecardStatusEnum, { name: 'ScorecardStatus', description: 'A ProgressStatus, or not_reported when no report covers the task up to the scorecard’s period.' });

export const LinkRoleEnum = enumObject(LINK_ROLES);
registerEnumType(LinkRoleEnum, {
  name: 'LinkRole',
  description: 'The role of a body in a responsibility. lead, support: curated on the measure by remit; named: the task names the body; deliver: the task names a district, whose government delivers it.',
});

export const ApiKeyRoleEnum = enumObject(API_KEY_ROLES);
registerEnumType(ApiKeyRoleEnum, { name: 'ApiKeyRole', description: 'editor: may report progress and record observations; admin: may also issue and revoke keys.' });
