import type { KindDefinition } from '../../model/kinds.js';
import { child, type MapNode, scalar } from '../../parsers/tree.js';
import { configured } from './common.js';

/** An identity block counts unless its type is None. */
function identityConfigured(value: unknown): boolean | undefined {
  if (typeof value === 'string') return value.toLowerCase() !== 'none';
  return value !== null && typeof value === 'object' ? true : undefined;
}

/** The `web` configuration child (`site/web`), not `appsettings`, `logs` or the others. */
function isWebConfig(body: MapNode): boolean {
  const name = scalar(child(body, 'name'));
  return typeof name === 'string' && name.toLowerCase().endsWith('/web');
}

/** Web apps and function apps (and their slots); ARM sites of every kind. */
export const APPSERVICE_KINDS: KindDefinition[] = [
  {
    kind: 'azure.appservice.site',
    collection: 'azure.appservice.sites',
    identity: ['name'],
    fields: {
      name: 'string',
      httpsOnly: 'bool',
      minTlsVersion: 'string',
      identity: 'bool',
      ftpsState: 'string',
      remoteDebugging: 'bool',
      clientCertEnabled: 'bool',
      http2: 'bool',
      corsAllowedOrigins: 'list',
    },
    sources: [
      {
        family: 'terraform',
        types: [
          'azurerm_linux_web_app',
          'azurerm_windows_web_app',
          'azurerm_linux_web_app_slot',
          'azurerm_windows_web_app_slot',
          'azurerm_linux_function_app',
          'azurerm_windows_function_app',
          'azurerm_linux_function_app_slot',
          'azurerm_windows_function_app_slot',
        ],
        fields: {
          name: 'name',
          httpsOnly: { path: 'https_only', default: false },
          minTlsVersion: { path: 'site_config.minimum_tls_version', default: '1.2' },
          identity: { path: 'identity', default: false, map: configured },
          ftpsState: { path: 'site_config.ftps_state', default: 'Disabled' },
          remoteDebugging: { path: 'site_config.remote_debugging_enabled', default: false },
          clientCertEnabled: { path: 'client_certificate_enabled', default: false },
          http2: { path: 'site_config.http2_enabled', default: false },
          corsAllowedOrigins: 'site_config.cors.allowed_origins',
        },
      },
      {
        // azurerm 2.x resources, still common in older code.
        family: 'terraform',
        types: ['azurerm_app_service', 'azurerm_function_app', 'azurerm_app_service_slot'],
        fields: {
          name: 'name',
          httpsOnly: { path: 'https_only', default: false },
          minTlsVersion: { path: 'site_config.min_tls_version', default: '1.2' },
          identity: { path: 'identity', default: false, map: configured },
          ftpsState: 'site_config.ftps_state',
          remoteDebugging: { path: 'site_config.remote_debugging_enabled', default: false },
          clientCertEnabled: { path: 'client_cert_enabled', default: false },
          http2: { path: 'site_config.http2_enabled', default: false },
          corsAllowedOrigins: 'site_config.cors.allowed_origins',
        },
      },
      {
        family: 'arm',
        types: ['Microsoft.Web/sites', 'Microsoft.Web/sites/slots'],
        fields: {
          name: 'name',
          httpsOnly: { path: 'properties.httpsOnly', default: false },
          minTlsVersion: { path: 'properties.siteConfig.minTlsVersion', default: '1.2' },
          identity: { path: 'identity.type', default: false, map: identityConfigured },
          // The API default has changed over time: only an explicit value is judged.
          ftpsState: 'properties.siteConfig.ftpsState',
          remoteDebugging: { path: 'properties.siteConfig.remoteDebuggingEnabled', default: false },
          clientCertEnabled: { path: 'properties.clientCertEnabled', default: false },
          // No documented API default (new apps have defaulted to HTTP/2 lately): only an explicit value.
          http2: 'properties.siteConfig.http20Enabled',
          corsAllowedOrigins: 'properties.siteConfig.cors.allowedOrigins',
        },
      },
    ],
    attachments: [
      {
        // `site/web` replaces the whole site configuration: unset settings take their defaults.
        family: 'arm',
        types: ['Microsoft.Web/sites/config', 'Microsoft.Web/sites/slots/config'],
        via: '$ancestors',
        when: isWebConfig,
        fields: {
          minTlsVersion: { path: 'properties.minTlsVersion', default: '1.2' },
          ftpsState: 'properties.ftpsState',
          remoteDebugging: { path: 'properties.remoteDebuggingEnabled', default: false },
          http2: 'properties.http20Enabled',
          corsAllowedOrigins: 'properties.cors.allowedOrigins',
        },
      },
    ],
  },
];
