/** Schemas of the demo data set's files, so a broken data file fails with a clear message. */
import { AGENCY_KIND_CODES, ARTICLE_FORMAT_CODES, REFORM_AREA_CODES } from '@cchc/shared';
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

export const ManifestSchema = z.object({
  name: z.string(),
  province: z.string(),
  siteTitle: z.string(),
  publisher: z.string(),
  demoNotice: z.string(),
});

export const TaxonomySchema = z.object({
  reformAreas: z.array(
    z.object({
      code: z.enum(REFORM_AREA_CODES),
      name: z.string(),
      nameEn: z.string(),
      description: z.string(),
      leadAgency: slug.nullable(),
      order: z.number().int(),
    }),
  ),
  topics: z.array(z.object({ slug, name: z.string(), description: z.string(), order: z.number().int() })),
});

export const AgenciesSchema = z.array(
  z.object({
    slug,
    name: z.string(),
    shortName: z.string(),
    kind: z.enum(AGENCY_KIND_CODES),
    parent: slug.nullable(),
    active: z.boolean(),
    successor: slug.nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    address: z.string().nullable(),
  }),
);

export const PlanSchema = z.object({
  year: z.number().int(),
  code: z.string(),
  title: z.string(),
  issuedOn: z.string(),
  issuer: z.string(),
  summary: z.string(),
  tasks: z.array(
    z.object({
      number: z.string(),
      title: z.string(),
      leadAgencies: z.array(slug),
      coordinatingAgencies: z.array(slug),
      timing: z.string(),
      product: z.string(),
      order: z.number().int(),
    }),
  ),
});

const ChartSchema = z.object({
  label: z.string(),
  items: z.array(z.object({ label: z.string(), value: z.number() })).min(1),
});

export const ArticlesSchema = z.array(
  z.object({
    title: z.string().min(1),
    summary: z.string(),
    body: z.string(),
    areas: z.array(z.enum(REFORM_AREA_CODES)).min(1),
    topics: z.array(slug),
    format: z.enum(ARTICLE_FORMAT_CODES),
    agency: slug,
    byline: z.string(),
    publishedAt: z.iso.datetime({ offset: true }),
    featured: z.boolean(),
    coverAlt: z.string().nullable(),
    chart: ChartSchema.nullable().optional(),
  }),
);

export const AccountsSchema = z.array(
  z.object({
    email: z.email(),
    firstname: z.string(),
    lastname: z.string(),
    role: z.enum(['super-admin', 'editor', 'contributor']),
    agency: slug.nullable(),
  }),
);

export type SeedArticle = z.infer<typeof ArticlesSchema>[number];
export type SeedAccount = z.infer<typeof AccountsSchema>[number];
