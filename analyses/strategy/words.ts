/**
 * Word lists for new-term extraction (TAXONOMY.md "New term"): a term of a query counts as new only when
 * it is neither a stop word nor a generic word, because such words are how any query is phrased, not
 * what it is about.
 */

/** Function words, question words and query operators. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a an the and or but nor not no yes of in on at to for from by with without about as into onto over under
  between among than then that this these those there here it its it's is are was were be been being am do does
  did done has have had having will would shall should can could may might must i me my we our you your he him
  his she her they them their who whom whose which what when where why how whether if so such both either
  neither each every any all some many much more most less least few other another same also only just very
  too s t d ll m re ve o y vs versus via per up down out off again further once one's after before during
  until while since because whereas although though yet still even ever never always often name named called
  known also list`.split(/\s+/).filter(Boolean),
);

/**
 * Attribute words a query uses to ask for a property (TAXONOMY.md's examples: "born", "film",
 * "nationality"). They never make a query's subject new: "Ed Wood born" searches Ed Wood.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  `born birth birthday birthplace died death dead die age old older oldest young younger youngest year years
  date dates day month century decade first last film films movie movies show series episode season
  book novel album song single band group nationality national country countries city town state place
  located location where capital population founded founder founding established formed created creator
  release released directed director producer produced written writer author wrote starring actor
  actress cast role member members team club company organization school university college located
  height tall length long size number many count total who person people occupation
  job profession work works genre type kind language title award awards won win prize info information
  about biography wiki wikipedia page article fact facts detail details official website history career
  same which compare comparison vs answer question search find lookup definition meaning located`
    .split(/\s+/)
    .filter(Boolean),
);
