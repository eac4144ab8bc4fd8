import { describe, expect, it } from 'vitest';
import { checkAnswers } from './check-answers';
import type { TAssistanceQuestion } from '../db/schema';

const questions: TAssistanceQuestion[] = [
  { id: 'registered', kind: 'yes_no', labelZh: '是否登记', labelEn: 'Registered?', required: true },
  { id: 'people', kind: 'number', labelZh: '人数', labelEn: 'People', required: true },
  { id: 'note', kind: 'text', labelZh: '说明', labelEn: 'Note', required: false },
  {
    id: 'reason',
    kind: 'choice',
    labelZh: '原因',
    labelEn: 'Reason',
    required: false,
    choices: [
      { value: 'age', labelZh: '高龄', labelEn: 'Age' },
      { value: 'disability', labelZh: '残疾', labelEn: 'Disability' },
    ],
  },
];

describe('checking application answers', () => {
  it('accepts well-formed answers and trims them', () => {
    const result = checkAnswers(
      questions,
      { registered: 'yes', people: ' 3 ', note: ' 独居 ', reason: 'age' },
      'submit',
    );
    expect(result.errors).toEqual({});
    expect(result.answers).toEqual({ registered: 'yes', people: '3', note: '独居', reason: 'age' });
  });

  it('names every missing required answer and every malformed one on submission', () => {
    const result = checkAnswers(questions, { people: 'three', reason: 'rich' }, 'submit');
    expect(result.errors).toEqual({
      q_registered: ['assistance.errors.answerRequired'],
      q_people: ['assistance.errors.answerNumber'],
      q_reason: ['assistance.errors.answerChoice'],
    });
  });

  it('keeps a half-finished draft without errors, including what was typed for a number', () => {
    const result = checkAnswers(questions, { people: 'three', reason: 'rich' }, 'draft');
    expect(result.errors).toEqual({});
    expect(result.answers).toEqual({ people: 'three' });
  });

  it('ignores answers to questions the programme does not ask', () => {
    expect(checkAnswers(questions, { smuggled: 'x' }, 'draft').answers).toEqual({});
  });
});
