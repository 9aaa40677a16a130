// Small literal frameworks for core tests, built inline so expected numbers can be checked by hand.
import type { FrameworkDataInput } from '../src/index.ts';

export function tinyFramework(): FrameworkDataInput {
  return {
    framework: {
      id: 'tiny',
      name: 'Tiny',
      version: '1',
      source: { kind: 'native', publisher: 'tests' },
      licence: { name: 'CC0-1.0', attribution: 'tests' },
      locales: ['en', 'fr'],
    },
    occupations: [
      {
        id: 'physician',
        title: { en: 'Physician', fr: 'Médecin' },
        alternateTitles: {
          en: ['IMG', 'international medical graduate', 'foreign-trained doctor'],
          fr: ['diplômé international en médecine'],
        },
        codes: { noc: '31102', teer: 1, onetSoc: '29-1216.00' },
      },
      { id: 'pa', title: { en: 'Physician assistant', fr: 'Adjoint au médecin' }, codes: { noc: '31303', teer: 1 } },
      { id: 'nurse', title: { en: 'Registered nurse', fr: 'Infirmière autorisée' }, codes: { noc: '31301', teer: 1 } },
    ],
    competencyGroups: [
      { id: 'clinical', label: { en: 'Clinical' } },
      { id: 'diagnosis', label: { en: 'Diagnosis' }, parent: 'clinical' },
    ],
    competencies: [
      { id: 'reasoning', label: { en: 'Clinical reasoning' }, kind: 'skill', group: 'diagnosis' },
      { id: 'history', label: { en: 'History taking' }, kind: 'skill', group: 'diagnosis' },
      { id: 'communication', label: { en: 'Communication' }, kind: 'skill' },
    ],
    requirements: [
      { occupation: 'physician', competency: 'reasoning', importance: 1, level: 0.9, essential: true },
      { occupation: 'physician', competency: 'communication', importance: 0.8, level: 0.8 },
      { occupation: 'pa', competency: 'history', importance: 0.9, level: 0.7 },
      { occupation: 'pa', competency: 'communication', importance: 0.8, level: 0.7 },
      { occupation: 'nurse', competency: 'communication', importance: 0.9, level: 0.8 },
    ],
    relations: [{ from: 'history', to: 'reasoning', type: 'related', weight: 0.6 }],
    occupationLinks: [{ from: 'physician', to: 'pa', type: 'related', source: 'tests' }],
  };
}
