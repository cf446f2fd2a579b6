import { KEYED_FILTERS, PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { assigned } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Discord bot tokens, webhooks and client secrets. */
export default secretRule({
  id: 'PAL-SECRET-018',
  title: 'Discord token or webhook in source',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description: 'A Discord bot token, webhook URL or OAuth client secret is committed to the repository.',
  remediation:
    'Reset the bot token or delete the webhook in the Discord developer portal or channel settings.',
  tags: ['discord', 'credential'],
  detectors: [
    {
      id: 'discord-bot-token',
      description: 'Discord bot token',
      keywords: ['discord', 'bot_token', 'bottoken', 'client.login', 'bot.run'],
      pattern: String.raw`(?i:discord|bot_?token|client\.login|bot\.run)[^\n]{0,40}?["\'=:\s]([MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})(?:[^A-Za-z0-9_-]|$)`,
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'discord-webhook',
      description: 'Discord webhook URL',
      keywords: ['discord.com/api/webhooks', 'discordapp.com/api/webhooks'],
      pattern: String.raw`(https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,72})`,
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'discord-client-secret',
      description: 'Discord OAuth client secret',
      keywords: ['discord'],
      pattern: assigned('discord[_.-]?(?:client[_.-]?)?secret', '[A-Za-z0-9_-]{32}'),
      filters: KEYED_FILTERS,
      minEntropy: 3.8,
    },
  ],
});
