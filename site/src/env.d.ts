/// <reference types="astro/client" />

declare namespace App {
  /** Per-request values the middleware prepares for layouts and pages. */
  interface Locals {
    /** Reform areas for the main navigation; resolves to [] when the CMS is down, never rejects. */
    navAreas: Promise<import('@cchc/shared').ReformArea[]>;
    /** Set when the CMS could not be reached, so the 503 page is rendered without asking it again. */
    cmsUnavailable: boolean;
  }
}
