import fc from 'fast-check';
fc.configureGlobal({ numRuns: 3000 });
await import('./no-short-selling.property.test.js');
await import('./cash-conservation.property.test.js');
await import('./idempotent-submission.property.test.js');
await import('./fill-price-bounds.property.test.js');
await import('./participation-cap.property.test.js');
