import type { KindDefinition } from '../../model/kinds.js';

/**
 * A container of a task definition, in neutral spelling. A setting left out takes the ECS default (`null` for
 * `user`: the image decides); a value that is not knowable stays undefined.
 */
export interface TaskContainer {
  name: string | undefined;
  privileged: unknown;
  user: unknown;
  readonlyRootFilesystem: unknown;
  environment: Array<{ name: unknown; value: unknown }>;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Reads `key` in the ECS API spelling (`privileged`) or CloudFormation's (`Privileged`); `absent` when missing. */
function read(item: Record<string, unknown>, key: string, absent?: unknown): unknown {
  if (Object.hasOwn(item, key)) return item[key];
  const pascal = key.charAt(0).toUpperCase() + key.slice(1);
  return Object.hasOwn(item, pascal) ? item[pascal] : absent;
}

/**
 * Container definitions as Terraform (a JSON list in the ECS API spelling) or CloudFormation (Pascal case)
 * declare them, turned into neutral containers. Anything that is not a list of objects is not knowable.
 */
export function taskContainers(value: unknown): TaskContainer[] | undefined {
  if (typeof value === 'string') {
    try {
      return taskContainers(JSON.parse(value));
    } catch {
      return undefined;
    }
  }
  const items = Array.isArray(value) ? value : record(value) ? [value] : undefined;
  if (!items) return undefined;
  const containers: TaskContainer[] = [];
  for (const raw of items) {
    const item = record(raw);
    if (!item) return undefined;
    const name = read(item, 'name');
    const environment = read(item, 'environment', []);
    containers.push({
      name: typeof name === 'string' ? name : undefined,
      privileged: read(item, 'privileged', false),
      user: read(item, 'user', null),
      readonlyRootFilesystem: read(item, 'readonlyRootFilesystem', false),
      environment: (Array.isArray(environment) ? environment : []).flatMap((variable) => {
        const entry = record(variable);
        return entry ? [{ name: read(entry, 'name'), value: read(entry, 'value') }] : [];
      }),
    });
  }
  return containers;
}

/** The value of the `containerInsights` cluster setting, from `[{ name, value }]` or `[{ Name, Value }]`. */
function containerInsights(value: unknown): unknown {
  const items = Array.isArray(value) ? value : [value];
  for (const raw of items) {
    const item = record(raw);
    if (item && read(item, 'name') === 'containerInsights') return read(item, 'value');
  }
  return 'disabled';
}

export const ECS_KINDS: KindDefinition[] = [
  {
    kind: 'aws.ecs.taskDefinition',
    collection: 'aws.ecs.taskDefinitions',
    fields: { containers: 'json', networkMode: 'string', pidMode: 'string', ipcMode: 'string' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_ecs_task_definition'],
        fields: {
          containers: { path: 'container_definitions', map: taskContainers },
          networkMode: 'network_mode',
          pidMode: 'pid_mode',
          ipcMode: 'ipc_mode',
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::ECS::TaskDefinition'],
        fields: {
          containers: { path: 'ContainerDefinitions', map: taskContainers },
          networkMode: 'NetworkMode',
          pidMode: 'PidMode',
          ipcMode: 'IpcMode',
        },
      },
    ],
  },
  {
    kind: 'aws.ecs.cluster',
    collection: 'aws.ecs.clusters',
    fields: { containerInsights: 'string' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_ecs_cluster'],
        fields: { containerInsights: { path: 'setting', default: 'disabled', map: containerInsights } },
      },
      {
        family: 'cloudformation',
        types: ['AWS::ECS::Cluster'],
        fields: {
          containerInsights: { path: 'ClusterSettings', default: 'disabled', map: containerInsights },
        },
      },
    ],
  },
  {
    kind: 'aws.ecs.service',
    collection: 'aws.ecs.services',
    fields: { assignPublicIp: 'bool' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_ecs_service'],
        fields: { assignPublicIp: { path: 'network_configuration.assign_public_ip', default: false } },
      },
      {
        family: 'cloudformation',
        types: ['AWS::ECS::Service'],
        fields: {
          assignPublicIp: {
            path: 'NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp',
            default: false,
            map: (value) => (value === 'ENABLED' ? true : value === 'DISABLED' ? false : value),
          },
        },
      },
    ],
  },
];
