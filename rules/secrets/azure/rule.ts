import { ALL_FILTERS, KEYED_FILTERS, PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { assigned } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Azure storage keys, SAS tokens, Entra client secrets, Cosmos DB, Service Bus, Event Hubs, DevOps PATs. */
export default secretRule({
  id: 'PAL-SECRET-002',
  title: 'Azure credential in source',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description:
    'An Azure credential (storage or Cosmos DB account key, SAS token, Entra ID client secret, Service Bus or Event Hubs key, Azure DevOps personal access token, or another service key) is committed to the repository.',
  remediation:
    'Regenerate the key or revoke the token in the Azure portal, then read it at run time from Key Vault, a managed identity or a pipeline secret.',
  tags: ['azure', 'credential'],
  detectors: [
    {
      id: 'azure-storage-account-key',
      description: 'Azure storage account key in a connection string',
      keywords: ['accountkey='],
      pattern: '(?i:AccountKey)=([A-Za-z0-9+/]{86}==)',
      filters: PREFIXED_FILTERS,
      validators: ['base64-64-bytes'],
      allow: {
        values: ['Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='],
      },
    },
    {
      id: 'azure-storage-key-assigned',
      description: 'Azure storage account key',
      keywords: [
        'storage_account_key',
        'storageaccountkey',
        'storage_key',
        'storagekey',
        'azure_storage_key',
        'access_key',
      ],
      pattern: assigned(
        '(?:azure[_.-]?)?storage[_.-]?(?:account[_.-]?)?(?:access[_.-]?)?key|primary_access_key|secondary_access_key',
        '[A-Za-z0-9+/]{86}==',
      ),
      filters: KEYED_FILTERS,
      validators: ['base64-64-bytes'],
      allow: {
        values: ['Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='],
      },
    },
    {
      id: 'azure-sas-token',
      description: 'Azure shared access signature (SAS) token',
      keywords: ['sig='],
      pattern: String.raw`(?:sv|se|sp|spr|srt|ss|sr)=[^\s"\'&]{1,64}&[^\s"\']{0,300}?(?:^|[?&])sig=([A-Za-z0-9%+/]{40,100}(?:%3D|=){0,2})`,
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'azure-entra-client-secret',
      description: 'Microsoft Entra ID (Azure AD) client secret',
      keywords: ['q~'],
      pattern:
        '(?:^|[^A-Za-z0-9_~.-])([A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})(?:[^A-Za-z0-9_~.-]|$)',
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'azure-client-secret-assigned',
      description: 'Azure client secret in a named setting',
      keywords: ['client_secret', 'clientsecret', 'azure_secret', 'arm_client_secret'],
      pattern: assigned('(?:azure|arm|aad|entra)[_.-]?client[_.-]?secret', '[A-Za-z0-9_~.-]{34,44}'),
      filters: ALL_FILTERS,
      minEntropy: 3.5,
      validators: ['mixed-alphanumeric'],
    },
    {
      id: 'azure-cosmosdb-key',
      description: 'Azure Cosmos DB account key',
      keywords: ['documents.azure.com', 'cosmos'],
      pattern: String.raw`(?i:\.documents\.azure\.com|cosmos)[^\n]{0,300}?(?i:AccountKey|primary_?key|master_?key|cosmos_?key)["\']?\s*[=:]\s*["\']?([A-Za-z0-9+/]{86}==)`,
      filters: PREFIXED_FILTERS,
      supersedes: ['azure-storage-account-key', 'azure-storage-key-assigned'],
      allow: {
        values: ['C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=='],
      },
    },
    {
      id: 'azure-service-bus-connection-string',
      description: 'Azure Service Bus shared access key',
      keywords: ['servicebus.windows.net'],
      pattern: String.raw`\.servicebus\.windows\.net[^\n]{0,200}?SharedAccessKey=([A-Za-z0-9+/]{43}=)(?:["\'\s;]|$)`,
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'azure-event-hub-connection-string',
      description: 'Azure Event Hubs shared access key',
      keywords: ['entitypath'],
      pattern: String.raw`\.servicebus\.windows\.net[^\n]{0,200}?SharedAccessKey=([A-Za-z0-9+/]{43}=);EntityPath=`,
      filters: PREFIXED_FILTERS,
      supersedes: ['azure-service-bus-connection-string'],
    },
    {
      id: 'azure-devops-pat',
      description: 'Azure DevOps personal access token',
      keywords: [
        'azure_devops',
        'azuredevops',
        'devops_pat',
        'ado_pat',
        'system_accesstoken',
        'azure_devops_ext_pat',
        'dev.azure.com',
        'ado_token',
        'azdo',
      ],
      pattern: assigned(
        'azure[_.-]?devops[_.-]?(?:ext[_.-]?)?(?:pat|token)|ado[_.-]?(?:pat|token)|azdo[_.-]?(?:pat|token)|devops[_.-]?pat',
        '[a-z2-7]{52}|[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}',
      ),
      filters: KEYED_FILTERS,
    },
    {
      id: 'azure-devops-pat-v2',
      description: 'Azure DevOps personal access token (84-character format)',
      keywords: ['azdo'],
      pattern: '(?:^|[^A-Za-z0-9])([A-Za-z0-9]{52}JQQJ99[A-Za-z0-9]{3}AZDO[A-Za-z0-9]{4})(?:[^A-Za-z0-9]|$)',
      filters: PREFIXED_FILTERS,
      supersedes: ['azure-devops-pat'],
    },
    {
      id: 'azure-app-configuration-connection-string',
      description: 'Azure App Configuration access key',
      keywords: ['azconfig.io'],
      pattern: String.raw`Endpoint=https://[a-z0-9-]+\.azconfig\.io;Id=[^;\s]{1,64};Secret=([A-Za-z0-9+/]{43,60}=?)`,
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'azure-signalr-access-key',
      description: 'Azure SignalR or Web PubSub access key',
      keywords: ['signalr.net', 'webpubsub.azure.com'],
      pattern: String.raw`\.(?:service\.signalr\.net|webpubsub\.azure\.com)[^\n]{0,100}?AccessKey=([A-Za-z0-9+/]{43}=)`,
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'azure-redis-access-key',
      description: 'Azure Cache for Redis access key',
      keywords: ['redis.cache.windows.net'],
      pattern: String.raw`\.redis\.cache\.windows\.net:\d{2,5},[^\n]{0,60}?password=([A-Za-z0-9+/]{43}=)`,
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'azure-function-key',
      description: 'Azure Functions key in a URL or header',
      keywords: ['azurewebsites.net', 'x-functions-key'],
      pattern: String.raw`(?:\.azurewebsites\.net/api/[^\s"\']{1,200}[?&]code=|(?i:x-functions-key)["\']?\s*[:=,]\s*["\']?)([A-Za-z0-9_-]{40,60}={0,2})`,
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'azure-search-admin-key',
      description: 'Azure AI Search admin key',
      keywords: ['search.windows.net', 'search_admin_key', 'searchadminkey', 'search_api_key'],
      pattern: assigned(
        '(?:azure[_.-]?)?search[_.-]?(?:admin|api|query)[_.-]?key',
        '[A-Za-z0-9]{52}|[A-F0-9]{32}',
      ),
      filters: KEYED_FILTERS,
      validators: ['mixed-alphanumeric'],
    },
    {
      id: 'azure-openai-key',
      description: 'Azure OpenAI or Cognitive Services key',
      keywords: ['azure_openai', 'cognitive', 'openai_api_key', 'azure_ai'],
      pattern: assigned(
        'azure[_.-]?(?:openai|ai|cognitive[_.-]?services?)[_.-]?(?:api[_.-]?)?key|ocp-apim-subscription-key',
        '[a-f0-9]{32}|[A-Za-z0-9]{84}',
      ),
      filters: KEYED_FILTERS,
    },
  ],
});
