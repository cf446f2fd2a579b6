import { describe, expect, it } from 'vitest';
import { adaptKubernetes } from '../../scanners/adapters/kubernetes.js';
import { emptyModel, type Model } from '../../scanners/model/model.js';
import { parseSourceFile, sourceFile } from '../../scanners/parsers/source-file.js';

/** The 1-based line of the first line of `text` holding `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

function adapt(text: string): Model {
  const file = sourceFile('k8s/manifest.yaml', 'kubernetes', text);
  parseSourceFile(file);
  const model = emptyModel();
  adaptKubernetes(file, model);
  return model;
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      annotations:
        container.apparmor.security.beta.kubernetes.io/sidecar: unconfined
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
        seccompProfile:
          type: RuntimeDefault
        sysctls:
          - name: net.core.somaxconn
            value: "1024"
      volumes:
        - name: sock
          hostPath:
            path: /var/run/docker.sock
        - name: cache
          emptyDir: {}
      containers:
        - name: app
          image: registry.example.com:5000/team/web:1.2.3
          securityContext:
            runAsUser: 0
            capabilities:
              add: ["cap_net_raw"]
              drop: [ALL]
          ports:
            - containerPort: 8080
              hostPort: 80
          env:
            - name: DB_PASSWORD
              value: hunter2
            - name: API_TOKEN
              valueFrom:
                secretKeyRef: { name: api, key: token }
          volumeMounts:
            - name: sock
              mountPath: /var/run/docker.sock
          livenessProbe:
            httpGet: { path: /healthz, port: 8080 }
        - name: sidecar
          image: nginx
`;

describe('Kubernetes adapter: workloads', () => {
  const [workload] = adapt(DEPLOYMENT).kubernetes.workloads;
  const [app, sidecar] = workload?.containers ?? [];

  it('reads the pod spec and pod-level security settings', () => {
    expect(workload?.address).toBe('Deployment/shop/web');
    expect(workload?.namespace).toMatchObject({ value: 'shop', origin: 'explicit' });
    expect(workload?.serviceAccountName).toMatchObject({ value: 'default', origin: 'default' });
    expect(workload?.hostNetwork).toMatchObject({ value: false, origin: 'default' });
    expect(workload?.securityContext.sysctls.map((s) => s.name.value)).toEqual(['net.core.somaxconn']);
    expect(workload?.volumes.map((v) => [v.name.value, v.type, v.hostPath?.value])).toEqual([
      ['sock', 'hostPath', '/var/run/docker.sock'],
      ['cache', 'emptyDir', undefined],
    ]);
  });

  it('lets a container setting override the pod, and keeps the line of whichever applies', () => {
    expect(app?.securityContext.runAsUser).toMatchObject({ value: 0, origin: 'explicit' });
    expect(app?.securityContext.runAsUser.range.startLine).toBe(lineOf(DEPLOYMENT, 'runAsUser: 0'));
    expect(sidecar?.securityContext.runAsUser).toMatchObject({ value: 1000, origin: 'explicit' });
    expect(sidecar?.securityContext.runAsUser.range.startLine).toBe(lineOf(DEPLOYMENT, 'runAsUser: 1000'));
    expect(sidecar?.securityContext.runAsNonRoot.range.startLine).toBe(
      lineOf(DEPLOYMENT, 'runAsNonRoot: true'),
    );
    expect(sidecar?.securityContext.seccompProfileType).toMatchObject({ value: 'RuntimeDefault' });
  });

  it('gives missing container settings their Kubernetes default at the container name', () => {
    const escalation = sidecar?.securityContext.allowPrivilegeEscalation;
    expect(escalation).toMatchObject({ value: true, origin: 'default' });
    expect(escalation?.range.startLine).toBe(lineOf(DEPLOYMENT, 'name: sidecar'));
    expect(sidecar?.securityContext.readOnlyRootFilesystem).toMatchObject({
      value: false,
      origin: 'default',
    });
    expect(sidecar?.securityContext.procMount).toMatchObject({ value: 'Default', origin: 'default' });
    expect(sidecar?.resources.limitsMemory).toMatchObject({ value: undefined, origin: 'default' });
    expect(sidecar?.livenessProbe).toMatchObject({ value: false, origin: 'default' });
    expect(app?.livenessProbe).toMatchObject({ value: true, origin: 'explicit' });
  });

  it('normalises capabilities and reads the legacy AppArmor annotation per container', () => {
    expect(app?.securityContext.capabilitiesAdd.map((c) => c.value)).toEqual(['NET_RAW']);
    expect(app?.securityContext.capabilitiesDrop.map((c) => c.value)).toEqual(['ALL']);
    expect(app?.securityContext.capabilitiesKnown).toBe(true);
    expect(sidecar?.securityContext.appArmorProfile).toMatchObject({
      value: 'Unconfined',
      origin: 'explicit',
    });
    expect(app?.securityContext.appArmorProfile).toMatchObject({ value: undefined, origin: 'default' });
  });

  it('parses image references with registry ports, tags and digests', () => {
    expect(app?.imageRepository.value).toBe('registry.example.com:5000/team/web');
    expect(app?.imageTag).toMatchObject({ value: '1.2.3', origin: 'explicit' });
    expect(app?.imagePullPolicy).toMatchObject({ value: 'IfNotPresent', origin: 'default' });
    expect(sidecar?.imageTag).toMatchObject({ value: 'latest', origin: 'default' });
    expect(sidecar?.imagePullPolicy).toMatchObject({ value: 'Always', origin: 'default' });
    const [digest] =
      adapt(`kind: Pod
apiVersion: v1
metadata: { name: p }
spec:
  containers:
    - name: c
      image: nginx@sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945
`).kubernetes.workloads[0]?.containers ?? [];
    expect(digest?.imageTag).toMatchObject({ value: undefined, origin: 'default' });
    expect(digest?.imageDigest.value).toMatch(/^sha256:/);
  });

  it('reads ports, env sources and mounts linked to their volume', () => {
    expect(app?.ports[0]?.hostPort).toMatchObject({ value: 80, origin: 'explicit' });
    expect(app?.env.map((e) => [e.name.value, e.value?.value, e.fromSecret])).toEqual([
      ['DB_PASSWORD', 'hunter2', false],
      ['API_TOKEN', undefined, true],
    ]);
    expect(app?.volumeMounts[0]?.volume?.hostPath?.value).toBe('/var/run/docker.sock');
  });

  it('finds the pod template of every workload kind', () => {
    const kinds = [
      'Pod',
      'Deployment',
      'StatefulSet',
      'DaemonSet',
      'ReplicaSet',
      'ReplicationController',
      'Job',
    ];
    const docs = kinds.map((kind) => {
      const spec = '  hostPID: true\n  containers:\n    - name: c\n      image: busybox:1.36\n';
      const body =
        kind === 'Pod'
          ? `spec:\n${spec}`
          : `spec:\n  template:\n    spec:\n${spec.replace(/^(?=.)/gm, '    ')}`;
      return `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: x\n${body}`;
    });
    docs.push(
      'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: x\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          hostPID: true\n          containers:\n            - name: c\n              image: busybox:1.36\n',
    );
    const workloads = adapt(docs.join('---\n')).kubernetes.workloads;
    expect(workloads.map((w) => [w.workloadKind, w.hostPID.value, w.containers.length])).toEqual(
      [...kinds, 'CronJob'].map((kind) => [kind, true, 1]),
    );
  });

  it('treats Helm placeholders as unresolvable, and ignores kinds that only look like lookups', () => {
    const model = adapt(`apiVersion: v1
kind: Pod
metadata:
  name: "{{ .Release.Name }}"
spec:
  hostNetwork: "{{ .Values.hostNetwork }}"
  containers:
    - name: app
      image: "{{ .Values.image }}"
      securityContext:
        runAsUser: "{{ .Values.uid }}"
---
kind: constructor
metadata: { name: x }
---
kind: __proto__
`);
    const [pod] = model.kubernetes.workloads;
    expect(model.kubernetes.workloads).toHaveLength(1);
    expect(pod?.name.origin).toBe('unresolvable');
    expect(pod?.hostNetwork.origin).toBe('unresolvable');
    expect(pod?.containers[0]?.image.origin).toBe('unresolvable');
    expect(pod?.containers[0]?.imageTag.origin).toBe('unresolvable');
    expect(pod?.containers[0]?.securityContext.runAsUser.origin).toBe('unresolvable');
  });
});

describe('Kubernetes adapter: RBAC, services and other objects', () => {
  const model = adapt(`apiVersion: v1
kind: List
items:
  - apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: { name: reader }
    rules:
      - apiGroups: [""]
        resources: ["secrets"]
        verbs: ["get", "list"]
      - apiGroups: [""]
        resources: "{{ .Values.resources }}"
        verbs: ["*"]
  - apiVersion: rbac.authorization.k8s.io/v1
    kind: RoleBinding
    metadata: { name: bind, namespace: shop }
    roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader }
    subjects:
      - kind: ServiceAccount
        name: default
      - kind: ServiceAccount
        name: api
        namespace: other
---
apiVersion: v1
kind: Service
metadata:
  name: internal
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-internal: "true"
spec:
  type: LoadBalancer
---
apiVersion: v1
kind: Service
metadata: { name: plain }
spec:
  externalIPs: [1.2.3.4]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: web }
spec:
  rules: []
---
apiVersion: v1
kind: ServiceAccount
metadata: { name: default, namespace: shop }
---
apiVersion: v1
kind: Namespace
metadata: { name: shop, labels: { team: web } }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny, namespace: shop }
`);
  const k8s = model.kubernetes;

  it('reads role rules, keeping templated lists unresolvable', () => {
    const [role] = k8s.roles;
    expect(role?.roleKind).toBe('ClusterRole');
    expect(role?.address).toBe('ClusterRole/reader');
    expect(role?.rules[0]?.verbs).toMatchObject({ value: ['get', 'list'], origin: 'explicit' });
    expect(role?.rules[1]?.resources.origin).toBe('unresolvable');
    expect(role?.rules[1]?.resourceNames).toMatchObject({ value: [], origin: 'default' });
  });

  it('reads bindings, defaulting a service account subject to the binding namespace', () => {
    const [binding] = k8s.roleBindings;
    expect(binding?.roleRefName.value).toBe('reader');
    expect(binding?.subjects.map((s) => [s.name.value, s.namespace.value])).toEqual([
      ['default', 'shop'],
      ['api', 'other'],
    ]);
  });

  it('reads services, ingresses, service accounts, namespaces and network policies', () => {
    expect(k8s.services.map((s) => [s.name.value, s.type.value, s.internalLoadBalancer])).toEqual([
      ['internal', 'LoadBalancer', true],
      ['plain', 'ClusterIP', false],
    ]);
    expect(k8s.services[1]?.externalIPs.value).toEqual(['1.2.3.4']);
    expect(k8s.services[0]?.loadBalancerSourceRanges).toMatchObject({ value: [], origin: 'default' });
    expect(k8s.ingresses[0]?.tls).toMatchObject({ value: false, origin: 'default' });
    expect(k8s.serviceAccounts[0]?.automountServiceAccountToken).toMatchObject({
      value: true,
      origin: 'default',
    });
    expect(k8s.namespaces[0]?.labels.get('team')).toBe('web');
    expect(k8s.networkPolicies[0]?.namespace.value).toBe('shop');
  });
});
