import 'reflect-metadata';
import { Max } from 'class-validator';
import { execute, parse, type ExecutionResult } from 'graphql';
import { Arg, buildSchema, Field, InputType, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';

/**
 * type-graphql 2.0.0-rc.4 validates every argument in an `async` function, so a resolver with any
 * argument answers with a promise, even when the argument is an enum that class-validator would
 * not look at (MichalLytek/type-graphql#982). The project's patch
 * (patches/type-graphql+2.0.0-rc.4.patch, applied on install) gives such arguments back at once.
 * graphql-js answers synchronously exactly when no resolver returned a promise, which is what
 * these tests observe; they fail when the patch is not applied. Validation of input objects
 * must still happen.
 */

enum Basis {
  text = 'text',
  curated = 'curated',
}
registerEnumType(Basis, { name: 'Basis' });

@InputType()
class Window {
  @Field(() => Int)
  @Max(10)
  first!: number;
}

@ObjectType()
class Item {
  @Field()
  label!: string;
}

@Resolver()
class ItemResolver {
  @Query(() => [Item])
  items(@Arg('basis', () => Basis, { nullable: true }) basis: Basis | null, @Arg('prefix', () => String, { nullable: true }) prefix: string | null): Item[] {
    return [{ label: `${prefix ?? ''}${basis ?? 'any'}` }];
  }

  @Query(() => Int)
  windowed(@Arg('window', () => Window) window: Window): number {
    return window.first;
  }
}

const isPromise = (value: unknown): value is Promise<unknown> => value instanceof Promise;

describe('resolver arguments that need no validation', () => {
  const schemaReady = buildSchema({ resolvers: [ItemResolver], validate: { forbidUnknownValues: false } });

  it('leave the resolver synchronous: an enum and a string argument, given or not', async () => {
    const schema = await schemaReady;
    const given = execute({ schema, document: parse('{ items(basis: curated, prefix: "p-") { label } }') });
    const omitted = execute({ schema, document: parse('{ items { label } }') });
    expect(isPromise(given)).toBe(false);
    expect(isPromise(omitted)).toBe(false);
    expect(await given).toEqual({ data: { items: [{ label: 'p-curated' }] } });
    expect(await omitted).toEqual({ data: { items: [{ label: 'any' }] } });
  });

  it('do not stop an input object from being validated', async () => {
    const schema = await schemaReady;
    const refused = (await execute({ schema, document: parse('{ windowed(window: { first: 11 }) }') })) as ExecutionResult;
    const accepted = (await execute({ schema, document: parse('{ windowed(window: { first: 10 }) }') })) as ExecutionResult;
    expect(refused.data).toBeNull();
    expect(refused.errors?.map((e) => e.message)).toEqual(['Argument Validation Error']);
    expect(accepted).toEqual({ data: { windowed: 10 } });
  });
});
