import 'server-only';
import type { TAssistanceQuestion } from '../db/schema';

export const ANSWER_MAX_LENGTH = 500;

/**
 * Cleans what was typed for each question (drafts keep anything reasonable) and, for a
 * submission, says which required or malformed answers stop it. Errors are message keys by
 * field name (`q_<questionId>`), ready to show beside each question.
 */
export function checkAnswers(
  questions: readonly TAssistanceQuestion[],
  raw: Record<string, string | undefined>,
  mode: 'draft' | 'submit',
): { answers: Record<string, string>; errors: Record<string, string[]> } {
  const answers: Record<string, string> = {};
  const errors: Record<string, string[]> = {};
  for (const question of questions) {
    const value = (raw[question.id] ?? '').trim().slice(0, ANSWER_MAX_LENGTH);
    const field = `q_${question.id}`;
    if (value === '') {
      if (mode === 'submit' && question.required)
        errors[field] = ['assistance.errors.answerRequired'];
      continue;
    }
    let problem: string | null = null;
    if (question.kind === 'yes_no' && value !== 'yes' && value !== 'no') {
      problem = 'assistance.errors.answerChoice';
    } else if (question.kind === 'number' && !/^\d{1,9}(\.\d{1,2})?$/.test(value)) {
      problem = 'assistance.errors.answerNumber';
    } else if (
      question.kind === 'choice' &&
      !(question.choices ?? []).some((choice) => choice.value === value)
    ) {
      problem = 'assistance.errors.answerChoice';
    }
    if (problem) {
      // A draft keeps what was typed (the form shows it again); a submission is stopped.
      if (mode === 'submit') errors[field] = [problem];
      if (question.kind === 'number' || question.kind === 'text') answers[question.id] = value;
      continue;
    }
    answers[question.id] = value;
  }
  return { answers, errors };
}
