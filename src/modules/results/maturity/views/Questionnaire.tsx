/**
 * The questionnaire on one page: a fieldset per dimension, and per question a group of radios whose labels carry each
 * level's description, with an optional comment. It works without scripts and is answered with the keyboard alone.
 */
import { errorFor, ErrorSummary, Field, fieldId, Form, SubmitButton, TextArea } from '../../../../core/views/components/forms.js';
import { useView } from '../../../../core/views/context.js';
import type { FormState } from '../../../../core/validation/forms.js';
import { textIn, type Framework } from '../framework.js';
import { commentField, levelField, type AnswerInput } from '../service.js';

export function Questionnaire({
  framework,
  action,
  answers,
  state,
  submitLabel,
}: {
  framework: Framework;
  action: string;
  /** The answers saved so far, shown when the form was not just posted. */
  answers: readonly AnswerInput[];
  state: FormState | undefined;
  submitLabel: string;
}) {
  const { t, locale } = useView();
  const saved = new Map(answers.map((answer) => [answer.questionKey, answer]));
  const posted = state !== undefined && Object.keys(state.values).length > 0;
  const valueOf = (name: string, fallback: string) => {
    if (!posted) return fallback;
    const value = state.values[name];
    return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
  };
  return (
    <Form action={action} label={t('maturity.questionnaire.label')}>
      <ErrorSummary state={state} />
      {framework.dimensions.map((dimension, dimensionIndex) => (
        <fieldset class="fieldset" key={dimension.key}>
          <legend class="fieldset__legend fieldset__legend--m">
            <h2 class="fieldset__heading">{t('maturity.questionnaire.dimension', { number: dimensionIndex + 1, name: textIn(dimension.name, locale) })}</h2>
          </legend>
          {dimension.questions.map((question) => {
            const name = levelField(question.key);
            const chosen = valueOf(name, saved.has(question.key) ? String(saved.get(question.key)?.level) : '');
            const error = errorFor(state, name);
            return (
              <div class="question" key={question.key}>
                <Field id={fieldId(name)} label={textIn(question.text, locale)} errors={error ? [error] : []} layout="group">
                  {({ id }) => (
                    <div class="radios">
                      {framework.scale.map((level, index) => {
                        const optionId = index === 0 ? id : `${id}-${index}`;
                        return (
                          <div class="radios__item" key={level.level}>
                            <input
                              class="radios__input"
                              id={optionId}
                              type="radio"
                              name={name}
                              value={String(level.level)}
                              checked={chosen === String(level.level)}
                            />
                            <label class="radios__label" for={optionId}>
                              <strong>
                                {level.level} – {textIn(level.label, locale)}
                              </strong>
                              : {textIn(level.description, locale)}
                            </label>
                          </div>
                        );
                      })}
                    </div>
                  )}
                </Field>
                <TextArea
                  name={commentField(question.key)}
                  label={t('maturity.questionnaire.comment')}
                  state={state}
                  value={saved.get(question.key)?.comment ?? ''}
                  rows={2}
                />
              </div>
            );
          })}
        </fieldset>
      ))}
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
