import { Card } from '@/components/ui/card';
import { getCompanyDetails, getInvoiceSettings, hasCompanyLogo } from '@/server/invoices/settings';
import { CompanyDetailsForm, CompanyLogoForm, InvoiceSettingsForm } from './invoice-settings-forms';

/** The invoice cards of Admin → Settings, reading their own settings. */
export async function InvoiceSettingsCards() {
  const [settings, details, logo] = await Promise.all([
    getInvoiceSettings(),
    getCompanyDetails(),
    hasCompanyLogo(),
  ]);
  return (
    <>
      <Card title="Invoices">
        <InvoiceSettingsForm settings={settings} />
      </Card>
      <Card title="Company details on invoices">
        <div className="space-y-6">
          <CompanyDetailsForm details={details} />
          <CompanyLogoForm hasLogo={logo} />
        </div>
      </Card>
    </>
  );
}
