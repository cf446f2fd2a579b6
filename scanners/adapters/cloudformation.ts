/** CloudFormation and SAM templates are evaluated in scanners/cloudformation/; this is the adapter's entry. */
export { declareCloudFormation } from '../cloudformation/declare.js';
