/** The languages loa speaks to its users. Vietnamese is the default. */
export type Lang = 'vi' | 'en';

/** The user's language: `LOA_LANG=en` for English, Vietnamese otherwise. */
export function currentLang(env: NodeJS.ProcessEnv = process.env): Lang {
  return env.LOA_LANG?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
