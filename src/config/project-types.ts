import type { Channel } from '../model/channel.js';
import type { ContentItem } from '../model/item.js';
import type { Plan } from '../model/plan.js';
import type { Diagnostic } from './diagnostic.js';
import type { Located } from './load-file.js';

/** The three configuration folders of a loa project. */
export interface ProjectDirs {
  schedules: string;
  channels: string;
  content: string;
}

/** Everything loa read from the folders, and every finding about it. */
export interface Project {
  root: string;
  plans: Located<Plan>[];
  channels: Located<Channel>[];
  items: Located<ContentItem>[];
  diagnostics: Diagnostic[];
}
