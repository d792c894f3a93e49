import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsInt, IsString, Length, Min, ValidateBy, ValidationArguments } from 'class-validator';
import { PlainText } from '../../common/plain-text';
import { Trim } from '../../common/transforms';

/** Every correct option is an index into the question's own options. */
const WithinOptions = () =>
  ValidateBy({
    name: 'withinOptions',
    validator: {
      validate: (indexes: unknown, args?: ValidationArguments) => {
        const options = (args?.object as QuizQuestionInput).options;
        return !Array.isArray(indexes) || !Array.isArray(options) || indexes.every((index) => typeof index !== 'number' || index < options.length);
      },
      defaultMessage: () => 'correctOptions must be indexes of options (from 0)',
    },
  });

@InputType('QuizQuestionInput')
export class QuizQuestionInput {
  @Field({ description: '5..500 chars' })
  @Trim()
  @IsString()
  @Length(5, 500, { message: 'prompt must be 5 to 500 characters' })
  @PlainText()
  prompt!: string;

  @Field(() => [String], { description: '2..6 options, each 1..200 chars, no two equal' })
  @Trim()
  @ArrayMinSize(2, { message: 'options must list 2 to 6 options' })
  @ArrayMaxSize(6, { message: 'options must list 2 to 6 options' })
  @IsString({ each: true })
  @Length(1, 200, { each: true, message: 'each option must be 1 to 200 characters' })
  @ArrayUnique(undefined, { message: 'options must not repeat an option' })
  @PlainText({ each: true })
  options!: string[];

  @Field(() => [Int], { description: 'Zero-based indexes into options; at least one, no duplicates.' })
  @ArrayMinSize(1, { message: 'correctOptions must name at least one option' })
  @ArrayUnique(undefined, { message: 'correctOptions must not repeat an index' })
  @IsInt({ each: true, message: 'correctOptions must be indexes of options (from 0)' })
  @Min(0, { each: true, message: 'correctOptions must be indexes of options (from 0)' })
  @WithinOptions()
  correctOptions!: number[];
}
