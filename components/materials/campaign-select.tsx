import { Field, fieldAria, Select } from '@/components/ui/field';

/** The material's campaign, one of its client's, or none. */
export function CampaignSelect({
  id,
  campaigns,
  defaultValue,
  error,
}: {
  id: string;
  campaigns: { id: string; name: string }[];
  defaultValue: string;
  error?: string[];
}) {
  return (
    <Field id={id} label="Campaign" error={error}>
      <Select id={id} name="campaignId" defaultValue={defaultValue} {...fieldAria(id, error)}>
        <option value="">No campaign</option>
        {campaigns.map((campaign) => (
          <option key={campaign.id} value={campaign.id}>
            {campaign.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
