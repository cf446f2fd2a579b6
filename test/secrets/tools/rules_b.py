import sys
sys.path.insert(0, '/work/main/test/secrets/tools')
from rules_a import write
def d(id, desc, kw, pattern, **extra):
    parts=[f"id: '{id}'", f"description: '{desc}'", "keywords: [" + ', '.join(f"'{k}'" for k in kw) + "]", f"pattern: {pattern}"]
    for k,v in extra.items(): parts.append(f"{k}: {v}")
    return "    {\n      " + ",\n      ".join(parts) + ",\n    },"
def lit(s):
    if '\\' in s: return 'String.raw`'+s+'`'
    return "'" + s.replace("'", "\\'") + "'"
R=lambda s: lit(s)
tok=lambda s: 'token('+lit(s)+')'
asg=lambda n,v: 'assigned('+lit(n)+', '+lit(v)+')'
P='PREFIXED_FILTERS'; K='KEYED_FILTERS'; A='ALL_FILTERS'
J=lambda *ds: '\n'.join(ds)

write('aws', id='PAL-SECRET-001', doc='AWS access keys, secret keys and session tokens.', title='AWS credential in source', severity='high',
  rationale='An access key id is half of a credential; the secret access key usually sits next to it.',
  description='An AWS credential (access key id, secret access key or session token) is committed to the repository. Anyone with read access to the code, or its history, can use it.',
  remediation='Deactivate and delete the key in IAM, then load credentials from the environment, an instance role or a secret store.',
  tags="'aws', 'credential'",
  detectors=J(
    d('aws-access-key-id','AWS access key id',['akia','asia','abia','acca'], tok('(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}'), filters=P,
      allow="{ values: ['AKIAIOSFODNN7EXAMPLE', 'AKIAI44QH8DHBEXAMPLE', 'ASIAIOSFODNN7EXAMPLE'] }"),
    d('aws-secret-access-key','AWS secret access key',['secret_access_key','secretaccesskey','secret-access-key','aws_secret','awssecret','aws-secret','secret_key'],
      asg('aws_?secret_?(?:access_?)?key|secret_?access_?key|aws[_.-]?secret','[A-Za-z0-9/+]{40}')+'.replace(/RIGHT$/, "")' if False else asg('aws[_.-]?secret[_.-]?(?:access[_.-]?)?key|secret[_.-]?access[_.-]?key|aws[_.-]?secret','[A-Za-z0-9/+]{40}'),
      minEntropy='3.8', filters=K, allow="{ values: ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY'] }"),
    d('aws-secret-key-near-id','AWS secret access key next to an access key id',['akia','asia'],
      R(r'''["'=:\s]([A-Za-z0-9/+]{40})(?:["'\s,;]|$)'''), contextLines='4', minEntropy='4.2', validators="['mixed-alphanumeric']", filters="['placeholder', 'repeated', 'example', 'hash', 'path']",
      supersedes="['aws-secret-access-key']"),
    d('aws-session-token','AWS temporary session token',['fwogzxivyxdz','iqojb3jpz2lu','session_token','sessiontoken','security_token'],
      R(r'''(?:^|[^A-Za-z0-9/+])((?:FwoGZXIvYXdz|IQoJb3JpZ2lu)[A-Za-z0-9/+]{100,}={0,2})'''), filters=P),
    d('aws-mws-auth-token','Amazon Marketplace Web Service auth token',['amzn.mws'], tok(r'amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'), filters=P),
    d('aws-bedrock-api-key','Amazon Bedrock API key',['absk'], tok(r'ABSK[A-Za-z0-9+/]{100,200}={0,2}'), filters=P),
  ))

write('azure', id='PAL-SECRET-002', doc='Azure storage keys, SAS tokens, Entra client secrets, Cosmos DB, Service Bus, Event Hubs, DevOps PATs.',
  title='Azure credential in source', severity='high',
  description='An Azure credential (storage or Cosmos DB account key, SAS token, Entra ID client secret, Service Bus or Event Hubs key, Azure DevOps personal access token, or another service key) is committed to the repository.',
  remediation='Regenerate the key or revoke the token in the Azure portal, then read it at run time from Key Vault, a managed identity or a pipeline secret.',
  tags="'azure', 'credential'",
  detectors=J(
    d('azure-storage-account-key','Azure storage account key in a connection string',['accountkey='], R(r'(?i:AccountKey)=([A-Za-z0-9+/]{86}==)'), filters=P, validators="['base64-64-bytes']",
      allow="{ values: ['Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='] }"),
    d('azure-storage-key-assigned','Azure storage account key',['storage_account_key','storageaccountkey','storage_key','storagekey','azure_storage_key','access_key'],
      asg('(?:azure[_.-]?)?storage[_.-]?(?:account[_.-]?)?(?:access[_.-]?)?key|primary_access_key|secondary_access_key','[A-Za-z0-9+/]{86}=='), filters=K, validators="['base64-64-bytes']",
      allow="{ values: ['Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='] }"),
    d('azure-sas-token','Azure shared access signature (SAS) token',['sig='], R(r'(?:sv|se|sp|spr|srt|ss|sr)=[^\s"\'&]{1,64}&[^\s"\']{0,300}?(?:^|[?&])sig=([A-Za-z0-9%+/]{40,100}(?:%3D|=){0,2})'), filters=P),
    d('azure-entra-client-secret','Microsoft Entra ID (Azure AD) client secret',['q~'], R(r'(?:^|[^A-Za-z0-9_~.-])([A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})(?:[^A-Za-z0-9_~.-]|$)'), filters=P),
    d('azure-client-secret-assigned','Azure client secret in a named setting',['client_secret','clientsecret','azure_secret','arm_client_secret'],
      asg('(?:azure|arm|aad|entra)[_.-]?client[_.-]?secret','[A-Za-z0-9_~.-]{34,44}'), filters=A, minEntropy='3.5', validators="['mixed-alphanumeric']"),
    d('azure-cosmosdb-key','Azure Cosmos DB account key',['documents.azure.com','cosmos'], R(r'(?i:\.documents\.azure\.com|cosmos)[^\n]{0,300}?(?i:AccountKey|primary_?key|master_?key|cosmos_?key)["\']?\s*[=:]\s*["\']?([A-Za-z0-9+/]{86}==)'), filters=P,
      supersedes="['azure-storage-account-key', 'azure-storage-key-assigned']",
      allow="{ values: ['C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=='] }"),
    d('azure-service-bus-connection-string','Azure Service Bus shared access key',['servicebus.windows.net'], R(r'\.servicebus\.windows\.net[^\n]{0,200}?SharedAccessKey=([A-Za-z0-9+/]{43}=)(?:["\'\s;]|$)'), filters=P),
    d('azure-event-hub-connection-string','Azure Event Hubs shared access key',['entitypath'], R(r'\.servicebus\.windows\.net[^\n]{0,200}?SharedAccessKey=([A-Za-z0-9+/]{43}=);EntityPath='), filters=P, supersedes="['azure-service-bus-connection-string']"),
    d('azure-devops-pat','Azure DevOps personal access token',['azure_devops','azuredevops','devops_pat','ado_pat','system_accesstoken','azure_devops_ext_pat','dev.azure.com','ado_token','azdo'],
      asg('azure[_.-]?devops[_.-]?(?:ext[_.-]?)?(?:pat|token)|ado[_.-]?(?:pat|token)|azdo[_.-]?(?:pat|token)|devops[_.-]?pat','[a-z2-7]{52}|[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}'), filters=K),
    d('azure-devops-pat-v2','Azure DevOps personal access token (84-character format)',['azdo'], R(r'(?:^|[^A-Za-z0-9])([A-Za-z0-9]{52}JQQJ99[A-Za-z0-9]{3}AZDO[A-Za-z0-9]{4})(?:[^A-Za-z0-9]|$)'), filters=P, supersedes="['azure-devops-pat']"),
    d('azure-app-configuration-connection-string','Azure App Configuration access key',['azconfig.io'], R(r'Endpoint=https://[a-z0-9-]+\.azconfig\.io;Id=[^;\s]{1,64};Secret=([A-Za-z0-9+/]{43,60}=?)'), filters=P),
    d('azure-signalr-access-key','Azure SignalR or Web PubSub access key',['signalr.net','webpubsub.azure.com'], R(r'\.(?:service\.signalr\.net|webpubsub\.azure\.com)[^\n]{0,100}?AccessKey=([A-Za-z0-9+/]{43}=)'), filters=P),
    d('azure-redis-access-key','Azure Cache for Redis access key',['redis.cache.windows.net'], R(r'\.redis\.cache\.windows\.net:\d{2,5},[^\n]{0,60}?password=([A-Za-z0-9+/]{43}=)'), filters=P),
    d('azure-function-key','Azure Functions key in a URL or header',['azurewebsites.net','x-functions-key'], R(r'(?:\.azurewebsites\.net/api/[^\s"\']{1,200}[?&]code=|(?i:x-functions-key)["\']?\s*[:=,]\s*["\']?)([A-Za-z0-9_-]{40,60}={0,2})'), filters=P),
    d('azure-search-admin-key','Azure AI Search admin key',['search.windows.net','search_admin_key','searchadminkey','search_api_key'], asg('(?:azure[_.-]?)?search[_.-]?(?:admin|api|query)[_.-]?key','[A-Za-z0-9]{52}|[A-F0-9]{32}'), filters=K, validators="['mixed-alphanumeric']"),
    d('azure-openai-key','Azure OpenAI or Cognitive Services key',['azure_openai','cognitive','openai_api_key','azure_ai'], asg('azure[_.-]?(?:openai|ai|cognitive[_.-]?services?)[_.-]?(?:api[_.-]?)?key|ocp-apim-subscription-key','[a-f0-9]{32}|[A-Za-z0-9]{84}'), filters=K),
  ))
