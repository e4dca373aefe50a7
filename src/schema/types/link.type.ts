import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum LinkBasis {
  text = 'text',
  gazetteer = 'gazetteer',
  derived = 'derived',
  curated = 'curated',
}
registerEnumType(LinkBasis, {
  name: 'LinkBasis',
  description:
    'Why a link holds. text: the plan text says so (quote given). gazetteer: the text names a locality that lies in the place (rationale given). derived: a rule the plan states, applied to the text: a task that names a district is delivered by that district’s government (quote: the district’s name; rationale: the rule). curated: an analyst assigned it by remit; it is not in the text.',
});

@ObjectType({ description: 'The evidence for a link between two nodes.' })
export class Link {
  @Field(() => LinkBasis)
  basis!: LinkBasis;

  @Field(() => String, { nullable: true, description: 'The words of the text that establish the link (null for curated links).' })
  quote!: string | null;

  @Field(() => Int, { nullable: true, description: 'Offset of the quote in the normalised plan text.' })
  start!: number | null;

  @Field(() => Int, { nullable: true })
  end!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the link holds when the quote is not the target’s own name.' })
  rationale!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'For responsibilities (null for places): named (the text names the body in the task; basis text), deliver (the task names a district, whose government delivers it; basis derived), lead or support (assigned by remit; basis curated).',
  })
  role!: string | null;
}
