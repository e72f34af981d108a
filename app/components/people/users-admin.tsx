'use client';
// Admin → users of the organization: create (a one-time link to hand over), edit name, role, team and agent code,
// deactivate and reactivate, reset a password (a new link). Refusals shown field by field in the user's language.
import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Loader, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useT } from '@/app/i18n/client';
import { useCurrentUser } from '@/app/components/current-user';
import type { SessionUser } from '@/server/auth/session-user';
import { OneTimeLink } from './one-time-link';
import { fieldError, formError, useRefusal, type FormRefusal } from './refusal';

type Role = SessionUser['role'];
interface Person { id: string; email: string; name: string; role: Role; agentCode: string; team: string; active: boolean }
type Issued = { email: string; link: { path: string; expiresAt: number } };

const FIELDS = ['name', 'email', 'role', 'agentCode', 'team'] as const;

export function UsersAdmin() {
  const t = useT();
  const me = useCurrentUser();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toRefusal = useRefusal();
  const users = useQuery(trpc.people.users.list.queryOptions());
  const teams = useQuery({ ...trpc.people.teams.list.queryOptions(), enabled: me.orgKind === 'outsourcer' });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.people.users.list.queryKey() });
  const [issued, setIssued] = useState<Issued | null>(null);
  const [editing, setEditing] = useState<Person | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);

  const deactivate = useMutation(trpc.people.users.deactivate.mutationOptions({ onSuccess: () => void refresh(), onError: (e) => setRowError(toRefusal(e).text) }));
  const reactivate = useMutation(trpc.people.users.reactivate.mutationOptions({ onSuccess: () => void refresh(), onError: (e) => setRowError(toRefusal(e).text) }));
  const reset = useMutation(trpc.people.users.resetPassword.mutationOptions({ onError: (e) => setRowError(toRefusal(e).text) }));
  const teamNames = (teams.data ?? []).map((x) => x.name);

  return (
    <Stack>
      <div>
        <Title order={2}>{t('people.users.title')}</Title>
        <Text c="dimmed" size="sm">{t(me.orgKind === 'client' ? 'people.users.leadClient' : 'people.users.lead')}</Text>
      </div>
      {issued && <OneTimeLink link={issued.link} email={issued.email} onClose={() => setIssued(null)} />}
      <NewUserForm roles={users.data?.roles ?? []} teams={teamNames} onCreated={(r) => { setIssued(r); void refresh(); }} />
      {rowError && <Alert color="red" withCloseButton onClose={() => setRowError(null)} role="alert">{rowError}</Alert>}
      {users.isPending ? <Loader size="sm" /> : users.isError ? <Alert color="red">{t('common.error')}</Alert> : users.data.users.length === 0 ? (
        <Text c="dimmed">{t('people.users.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid="people-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('team.name')}</Table.Th>
                <Table.Th>{t('team.email')}</Table.Th>
                <Table.Th>{t('users.role')}</Table.Th>
                {me.orgKind === 'outsourcer' && <Table.Th>{t('team.team')}</Table.Th>}
                <Table.Th>{t('people.users.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.users.map((u) => (
                <Table.Tr key={u.id} data-testid={`person-${u.email}`} c={u.active ? undefined : 'dimmed'}>
                  <Table.Td>{u.name} {u.agentCode && <Text span c="dimmed" size="xs">{u.agentCode}</Text>}</Table.Td>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td><Badge variant="light">{t(`role.${u.role}`)}</Badge></Table.Td>
                  {me.orgKind === 'outsourcer' && <Table.Td>{u.team}</Table.Td>}
                  <Table.Td>{u.active ? <Badge color="teal" variant="dot">{t('people.users.active')}</Badge> : <Badge color="gray">{t('people.users.inactive')}</Badge>}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button size="xs" variant="subtle" onClick={() => setEditing(u)}>{t('people.users.edit')}</Button>
                      <Button size="xs" variant="subtle" loading={reset.isPending && reset.variables?.userId === u.id}
                        onClick={() => reset.mutate({ userId: u.id }, { onSuccess: (link) => setIssued({ email: u.email, link }) })}>{t('people.users.reset')}</Button>
                      {u.id !== me.id && (u.active ? (
                        <Button size="xs" variant="subtle" color="red" onClick={() => { if (window.confirm(t('people.users.confirmDeactivate', { name: u.name }))) deactivate.mutate({ userId: u.id }); }}>{t('people.users.deactivate')}</Button>
                      ) : (
                        <Button size="xs" variant="subtle" color="teal" onClick={() => reactivate.mutate({ userId: u.id })}>{t('people.users.reactivate')}</Button>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t('people.users.editTitle', { name: editing?.name ?? '' })}>
        {editing && <EditUserForm person={editing} roles={users.data?.roles ?? []} teams={teamNames} self={editing.id === me.id} onDone={() => { setEditing(null); void refresh(); }} />}
      </Modal>
    </Stack>
  );
}

function RoleSelect({ roles, value, onChange, error, disabled }: { roles: readonly Role[]; value: Role | null; onChange: (r: Role) => void; error?: string; disabled?: boolean }) {
  const t = useT();
  return (
    <Select label={t('users.role')} data={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} value={value} allowDeselect={false}
      onChange={(v) => v && onChange(v as Role)} error={error} required disabled={disabled} data-testid="person-role" />
  );
}

function NewUserForm({ roles, teams, onCreated }: { roles: readonly Role[]; teams: string[]; onCreated: (r: Issued) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const toRefusal = useRefusal();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [agentCode, setAgentCode] = useState('');
  const [team, setTeam] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<FormRefusal | null>(null);
  const create = useMutation(trpc.people.users.create.mutationOptions({
    onSuccess: (r) => { onCreated({ email: r.user.email, link: r.link }); setName(''); setEmail(''); setAgentCode(''); setRefusal(null); },
    onError: (e) => setRefusal(toRefusal(e)),
  }));
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!role) return setRefusal({ field: 'role', text: t('people.users.pickRole') });
    create.mutate({ name, email, role, agentCode: role === 'agent' ? agentCode : undefined, team: team ?? undefined });
  }
  const above = formError(refusal, FIELDS);
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} data-testid="new-user-form">
        <Stack gap="xs">
          <Title order={4}>{t('people.users.new')}</Title>
          {above && <Alert color="red" role="alert">{above}</Alert>}
          <Group align="flex-start" grow>
            <TextInput label={t('team.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(refusal, 'name')} required maxLength={120} data-testid="person-name" />
            <TextInput label={t('team.email')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldError(refusal, 'email')} required data-testid="person-email" />
            <RoleSelect roles={roles} value={role} onChange={setRole} error={fieldError(refusal, 'role')} />
          </Group>
          {role === 'agent' && (
            <Group align="flex-start" grow>
              <TextInput label={t('people.users.agentCode')} description={t('people.users.agentCodeHelp')} value={agentCode} onChange={(e) => setAgentCode(e.currentTarget.value)}
                error={fieldError(refusal, 'agentCode')} required maxLength={32} data-testid="person-agent-code" />
              <Select label={t('team.team')} data={teams} value={team} onChange={setTeam} clearable error={fieldError(refusal, 'team')} placeholder={t('people.users.noTeam')} />
            </Group>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} data-testid="person-create">{t('people.users.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function EditUserForm({ person, roles, teams, self, onDone }: { person: Person; roles: readonly Role[]; teams: string[]; self: boolean; onDone: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const toRefusal = useRefusal();
  const [name, setName] = useState(person.name);
  const [role, setRole] = useState<Role>(person.role);
  const [agentCode, setAgentCode] = useState(person.agentCode);
  const [team, setTeam] = useState<string | null>(person.team || null);
  const [refusal, setRefusal] = useState<FormRefusal | null>(null);
  const update = useMutation(trpc.people.users.update.mutationOptions({ onSuccess: onDone, onError: (e) => setRefusal(toRefusal(e)) }));
  function submit(e: FormEvent) {
    e.preventDefault();
    update.mutate({
      userId: person.id, name, role,
      ...(role === 'agent' ? { agentCode } : {}),
      ...(teams.length || person.team ? { team: team ?? '' } : {}),
    });
  }
  const above = formError(refusal, FIELDS);
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        {above && <Alert color="red" role="alert">{above}</Alert>}
        <TextInput label={t('team.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(refusal, 'name')} required maxLength={120} />
        <RoleSelect roles={roles} value={role} onChange={setRole} error={fieldError(refusal, 'role')} disabled={self} />
        {role !== person.role && <Text size="xs" c="orange">{t('people.users.roleWarning')}</Text>}
        {role === 'agent' && (
          <>
            <TextInput label={t('people.users.agentCode')} value={agentCode} onChange={(e) => setAgentCode(e.currentTarget.value)} error={fieldError(refusal, 'agentCode')} required maxLength={32} />
            <Select label={t('team.team')} data={teams} value={team} onChange={setTeam} clearable error={fieldError(refusal, 'team')} placeholder={t('people.users.noTeam')} />
          </>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>{t('people.users.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
