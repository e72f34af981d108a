'use client';
// Admin → teams and assignments (the outsourcer's managers and admins): teams with a lead and their agents; agents ×
// campaigns, a box each: a change applies to the dialer at once.
import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Loader, MultiSelect, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useT } from '@/app/i18n/client';
import { fieldError, formError, useRefusal, type FormRefusal } from './refusal';

interface TeamRow { id: string; name: string; lead_user_id: string; lead: string; members: { id: string; name: string }[] }

export function TeamsAdmin() {
  const t = useT();
  return (
    <Stack>
      <div>
        <Title order={2}>{t('people.teams.title')}</Title>
        <Text c="dimmed" size="sm">{t('people.teams.lead')}</Text>
      </div>
      <Teams />
      <Assignments />
    </Stack>
  );
}

function Teams() {
  const t = useT();
  const trpc = useTRPC();
  const teams = useQuery(trpc.people.teams.list.queryOptions());
  const agents = useQuery(trpc.team.agents.queryOptions());
  const [editing, setEditing] = useState<TeamRow | 'new' | null>(null);
  if (teams.isPending || agents.isPending) return <Loader size="sm" />;
  if (teams.isError || agents.isError) return <Alert color="red">{t('common.error')}</Alert>;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4}>{t('people.teams.teams')}</Title>
        {editing === null && <Button size="xs" onClick={() => setEditing('new')} data-testid="team-new">{t('people.teams.new')}</Button>}
      </Group>
      {editing !== null && <TeamForm team={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      {teams.data.length === 0 ? <Text c="dimmed">{t('people.teams.empty')}</Text> : (
        <Table striped data-testid="team-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('team.team')}</Table.Th>
              <Table.Th>{t('people.teams.leadUser')}</Table.Th>
              <Table.Th>{t('people.teams.members')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {teams.data.map((team) => (
              <Table.Tr key={team.id}>
                <Table.Td>{team.name}</Table.Td>
                <Table.Td>{team.lead}</Table.Td>
                <Table.Td><Group gap={4}>{team.members.map((m) => <Badge key={m.id} variant="outline" size="sm">{m.name}</Badge>)}</Group></Table.Td>
                <Table.Td><Button size="xs" variant="subtle" onClick={() => setEditing(team)}>{t('people.users.edit')}</Button></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function TeamForm({ team, onDone }: { team: TeamRow | null; onDone: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toRefusal = useRefusal();
  const people = useQuery(trpc.people.users.list.queryOptions(undefined, { retry: false }));
  const agents = useQuery(trpc.team.agents.queryOptions());
  const [name, setName] = useState(team?.name ?? '');
  const [lead, setLead] = useState<string | null>(team?.lead_user_id ?? null);
  const [members, setMembers] = useState<string[]>(team?.members.map((m) => m.id) ?? []);
  const [refusal, setRefusal] = useState<FormRefusal | null>(null);
  const save = useMutation(trpc.people.teams.save.mutationOptions({
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.people.teams.list.queryKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.team.agents.queryKey() });
      onDone();
    },
    onError: (e) => setRefusal(toRefusal(e)),
  }));
  // Leads: managers and agents (the users list is the admin's; a manager picks among the agents and themselves).
  const leads = people.data
    ? people.data.users.filter((u) => u.active && (u.role === 'manager' || u.role === 'agent')).map((u) => ({ value: u.id, label: `${u.name} (${t(`role.${u.role}`)})` }))
    : (agents.data ?? []).map((a) => ({ value: a.id, label: a.name }));
  if (team && !leads.some((l) => l.value === team.lead_user_id)) leads.unshift({ value: team.lead_user_id, label: team.lead });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!lead) return setRefusal({ field: 'leadUserId', text: t('people.teams.pickLead') });
    save.mutate({ teamId: team?.id, name, leadUserId: lead, memberIds: members });
  }
  const above = formError(refusal, ['name', 'leadUserId', 'memberIds']);
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} data-testid="team-form">
        <Stack gap="xs">
          {above && <Alert color="red" role="alert">{above}</Alert>}
          <Group grow align="flex-start">
            <TextInput label={t('team.team')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(refusal, 'name')} required maxLength={80} />
            <Select label={t('people.teams.leadUser')} data={leads} value={lead} onChange={setLead} error={fieldError(refusal, 'leadUserId')} searchable required />
          </Group>
          <MultiSelect label={t('people.teams.members')} data={(agents.data ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.agentCode})` }))}
            value={members} onChange={setMembers} error={fieldError(refusal, 'memberIds')} searchable />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>{t('people.cancel')}</Button>
            <Button type="submit" loading={save.isPending}>{t('people.users.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function Assignments() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toRefusal = useRefusal();
  const agents = useQuery(trpc.team.agents.queryOptions());
  const campaigns = useQuery(trpc.campaigns.list.queryOptions());
  const [error, setError] = useState<string | null>(null);
  const set = useMutation(trpc.people.assignments.set.mutationOptions({
    // The grid shows the change at once and keeps it until the refetched list has it (no flicker back).
    onSuccess: (_r, v) => {
      queryClient.setQueryData(trpc.team.agents.queryKey(), (old) => old?.map((a) => (a.id !== v.userId ? a : {
        ...a, campaignIds: v.assigned ? [...new Set([...a.campaignIds, v.campaignId])] : a.campaignIds.filter((id) => id !== v.campaignId),
      })));
      void queryClient.invalidateQueries({ queryKey: trpc.team.agents.queryKey() });
    },
    onError: (e) => setError(toRefusal(e).text),
  }));
  return (
    <Stack gap="xs">
      <Title order={4}>{t('people.assign.title')}</Title>
      <Text c="dimmed" size="sm">{t('people.assign.lead')}</Text>
      {error && <Alert color="red" withCloseButton onClose={() => setError(null)} role="alert">{error}</Alert>}
      {agents.isPending || campaigns.isPending ? <Loader size="sm" /> : agents.isError || campaigns.isError ? <Alert color="red">{t('common.error')}</Alert>
        : agents.data.length === 0 || campaigns.data.length === 0 ? <Text c="dimmed">{t('people.assign.empty')}</Text> : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped withColumnBorders data-testid="assignment-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('people.assign.agent')}</Table.Th>
                  {campaigns.data.map((c) => <Table.Th key={c.id} ta="center" title={c.name}>{c.code}</Table.Th>)}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {agents.data.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.name} <Text span c="dimmed" size="xs">{a.agentCode}{a.team ? ` · ${a.team}` : ''}</Text></Table.Td>
                    {campaigns.data.map((c) => {
                      const busy = set.isPending && set.variables?.userId === a.id && set.variables.campaignId === c.id;
                      // While saving, the box shows what was asked (disabled); then what the server holds.
                      const on = busy ? set.variables!.assigned : a.campaignIds.includes(c.id);
                      return (
                        <Table.Td key={c.id} ta="center">
                          <Checkbox checked={on} disabled={busy} aria-label={`${a.name} — ${c.code}`} data-testid={`assign-${a.agentCode}-${c.code}`} style={{ display: 'inline-block' }}
                            onChange={() => set.mutate({ campaignId: c.id, userId: a.id, assigned: !on })} />
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
    </Stack>
  );
}
