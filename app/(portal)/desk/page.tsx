'use client';
// Agents take and place their calls here.
import { AgentDesk } from '@/app/components/desk/agent-desk';

export default function DeskPage() {
  return <AgentDesk />;
}
