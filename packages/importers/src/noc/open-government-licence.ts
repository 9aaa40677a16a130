// The licence NOC 2021 and OaSIS are published under, with the attribution statement the
// licence asks every reuse to carry.
import type { FrameworkMeta } from '@bridgework/core';

export const OPEN_GOVERNMENT_LICENCE_CANADA: FrameworkMeta['licence'] = {
  name: 'Open Government Licence - Canada',
  url: 'https://open.canada.ca/en/open-government-licence-canada',
  attribution: 'Contains information licensed under the Open Government Licence – Canada.',
};

/** "2021.1.0" from "noc_2021_version_1.0", "NOC 2021 Version 1.0" or "oasis_2023_v1.0". */
export function releaseVersion(text: string): string | undefined {
  const match = /(\d{4})\D{1,12}?v(?:ersion)?[\s_-]*(\d+)\.(\d+)/i.exec(text);
  return match ? `${match[1]}.${match[2]}.${match[3]}` : undefined;
}
