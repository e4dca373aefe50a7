import { ArrayMaxSize, ArrayMinSize, MaxLength } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { TaskPageArgs } from './page.args';

@ArgsType()
export class SharedTasksArgs extends TaskPageArgs {
  @Field(() => [String], { description: 'Two or more places by name or code; tasks that name all of them.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @MaxLength(50, { each: true })
  places!: string[];
}

