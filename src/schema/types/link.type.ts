import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumObject, LINK_BASES, type LinkBasis, type LinkRole } from '../../graph/read/values';
import { LinkRoleEnum } from '../enums/closed-sets.enum';

/** Registered from the graph's own value list: the enum holds every basis the data can hold. */
export const LinkBasisEnum = enumObject(LINK_BASES);
registerEnumType(LinkBasisEnum, {
  name: 'LinkBasis',
  description:
    'Why a link holds. text: the plan text says so (quote given). derived: a stated rule applied to the text, e.g. a task that names a district is delivered by that district’s government (quote and rule given). gazetteer: the text names a locality that lies in the place (rationale given). curated: an analyst assigned it by remit; it is not in the text.',
});

@ObjectType({ description: 'The evidence for a link between two nodes.' })
export class Link {
  @Field(() => LinkBasisEnum)
  basis!: LinkBasis;

  @Field(() => String, { nullable: true, description: 'The words of the text that establish the link (null for curated links).' })
  quote!: string | null;

  @Field(() => Int, { nullable: true, description: 'Offset of the quote in the normalised plan text.' })
  start!: number | null;

  @Field(() => Int, { nullable: true })
  end!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the link holds when the quote is not the target’s own name.' })
  rationale!: string | null;

  @Field(() => LinkRoleEnum, { nullable: true, description: 'For responsibilities: the body’s role (see LinkRole). Null for links to places.' })
  role!: LinkRole | null;
}
