'use client';

import { Field, fieldAria, Select } from '@/components/ui/field';
import { RoleOptions } from '@/components/users/role-options';
import { companySignInSettingsSchema, type CompanySignInSettings } from '@/lib/validation/settings';
import { setCompanySignInSettings } from '@/server/settings/actions';
import { SettingsForm } from './settings-form';

/** Admin → Settings: who company sign-in lets in, and whether it replaces passwords. */
export function CompanySignInSettingsForm({
  settings,
  providerName,
}: {
  settings: CompanySignInSettings;
  /** The configured provider's name; null when OIDC_ISSUER and its client are not set. */
  providerName: string | null;
}) {
  const roleId = 'company-defaultRole';
  const requiredId = 'company-required';
  return (
    <div className="grid gap-4">
      <p className="text-sm text-slate-600">
        {providerName
          ? `The sign-in page offers “Sign in with ${providerName}”. A person signs in when their verified company e-mail is an active user's.`
          : 'Not configured: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (and OIDC_NAME for the button) to offer it.'}
      </p>
      <SettingsForm
        action={setCompanySignInSettings}
        schema={companySignInSettingsSchema}
        savedMessage="Company sign-in settings saved."
        settings={settings}
        submitLabel="Save company sign-in settings"
      >
        {({ errors, values }) => (
          <>
            <label className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                name="createUsers"
                defaultChecked={values ? values.createUsers === 'on' : settings.createUsers}
              />
              Create users from company sign-in
            </label>
            <Field
              id={roleId}
              label="Role of users created this way"
              error={errors.defaultRole}
              hint="Change a user's role afterwards under Admin → Users."
            >
              <Select
                id={roleId}
                name="defaultRole"
                defaultValue={values?.defaultRole ?? settings.defaultRole}
                {...fieldAria(roleId, errors.defaultRole, true)}
              >
                <RoleOptions />
              </Select>
            </Field>
            <div className="grid gap-1">
              <label className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  id={requiredId}
                  name="required"
                  {...fieldAria(requiredId, errors.required)}
                  defaultChecked={values ? values.required === 'on' : settings.required}
                />
                Require company sign-in for everyone but managers
              </label>
              {errors.required ? (
                <p id={`${requiredId}-error`} className="text-sm text-red-700">
                  {errors.required.join(' ')}
                </p>
              ) : null}
            </div>
          </>
        )}
      </SettingsForm>
    </div>
  );
}
