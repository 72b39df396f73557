import { z } from 'zod';

/** Knobs of the world generator (the `world` section of the simulator config; values in data/simulator.config.json). */
export const WorldConfigSchema = z
  .object({
    /** Number of countries (each with a demonym: the nationality answers). */
    countries: z.number().int().min(4),
    /** Cities per country, before namesake variants are added. */
    citiesPerCountry: z.number().int().min(1),
    /** Share of cities that get a namesake ("New X", "X Falls"). */
    cityNamesakeRate: z.number().min(0).max(1),
    /** Share of people in the questions' roles who get 1–3 other people with the identical full name. */
    homonymRate: z.number().min(0).max(1),
    /** Most people sharing one key person's exact name (1 to this many are created). */
    maxHomonyms: z.number().int().min(1),
    /** Share of directors and actors whose paragraph names a film they are known for. */
    knownForRate: z.number().min(0).max(1),
    /**
     * Share of bridge tasks whose bridge person has at least `maxHomonyms - 1` people of the identical
     * name in the corpus (searching the bare name then returns namesakes first): the hard tail of the family.
     */
    crowdedBridgeRate: z.number().min(0).max(1),
    /** Share of bridge questions that describe the bridge with words of its paragraph ("the filmmaker who directed X"). */
    descriptiveQuestionRate: z.number().min(0).max(1),
    /** People per surname (smaller: more people share a surname, harder searches). */
    peoplePerSurname: z.number().min(1),
  })
  .strict();

/** World generator knobs. */
export type WorldConfig = z.infer<typeof WorldConfigSchema>;
