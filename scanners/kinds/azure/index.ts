import type { KindDefinition } from '../../model/kinds.js';

/** Azure kinds: Terraform azurerm_* and ARM Microsoft.* resources. */
export const AZURE_KINDS: KindDefinition[] = [];
