/**
 * The role to give and what it applies to. Without scripts all three choices are visible; only the one the
 * role needs is read (a coordinator's programme, an editor's partner, a stakeholder's organisation).
 */
import type { FormState } from '../../../../core/validation/forms.js';
import { RadioGroup, SelectField, type Option } from '../../../../core/views/components/forms.js';
import { useView } from '../../../../core/views/context.js';
import { assignableRoles } from '../schema.js';

export interface RoleOptions {
  programmes: Option[];
  partners: Option[];
  organisations: Option[];
}

export function RoleFields({ state, options, includeAdmin }: { state?: FormState | undefined; options: RoleOptions; includeAdmin: boolean }) {
  const { t } = useView();
  const roles = assignableRoles.filter((role) => includeAdmin || role !== 'admin');
  return (
    <>
      <RadioGroup
        name="role"
        legend={t('accounts.roles.role.label')}
        state={state}
        options={roles.map((role) => ({ value: role, label: `${t(`accounts.roles.names.${role}`)} – ${t(`accounts.roles.explain.${role}`)}` }))}
      />
      <SelectField
        name="programmeId"
        label={t('accounts.roles.programmeId.label')}
        hint={t('accounts.roles.programmeId.hint')}
        state={state}
        options={options.programmes}
        placeholder={t('common.choose')}
      />
      <SelectField
        name="partnerId"
        label={t('accounts.roles.partnerId.label')}
        hint={t('accounts.roles.partnerId.hint')}
        state={state}
        options={options.partners}
        placeholder={t('common.choose')}
      />
      <SelectField
        name="organisationId"
        label={t('accounts.roles.organisationId.label')}
        hint={t('accounts.roles.organisationId.hint')}
        state={state}
        options={options.organisations}
        placeholder={t('common.choose')}
      />
    </>
  );
}
