// Lucide's icons (the `lucide` package: the shapes as data), each drawn as one <svg> element with its shapes as
// markup inside. lucide-react renders a client component and a React element per path: on the For you page that was
// ~200 elements of ~900, each rendered twice on the server (RSC payload, then HTML), and the paths were sent twice.
// No hooks and no 'use client': the same component works in Server and Client Components.
import type { SVGProps } from 'react';
import {
  ArrowUp as arrowUpNode,
  Bell as bellNode,
  Bookmark as bookmarkNode,
  CalendarDays as calendarDaysNode,
  CheckCircle2 as checkCircle2Node,
  Compass as compassNode,
  Eye as eyeNode,
  EyeOff as eyeOffNode,
  Flame as flameNode,
  History as historyNode,
  Home as homeNode,
  ImagePlus as imagePlusNode,
  Link as linkNode,
  Lock as lockNode,
  LogOut as logOutNode,
  MapPin as mapPinNode,
  MessageCircle as messageCircleNode,
  Monitor as monitorNode,
  Moon as moonNode,
  PartyPopper as partyPopperNode,
  Pin as pinNode,
  Plus as plusNode,
  Search as searchNode,
  Settings as settingsNode,
  Shield as shieldNode,
  SmilePlus as smilePlusNode,
  Sparkles as sparklesNode,
  Sun as sunNode,
  Trash2 as trash2Node,
  User as userNode,
  UserPlus as userPlusNode,
  Users as usersNode,
  X as xNode,
  type IconNode,
} from 'lucide';
import { escapeHtml } from '@/lib/html';

export type IconProps = Omit<SVGProps<SVGSVGElement>, 'children' | 'dangerouslySetInnerHTML'>;
export type Icon = (props: IconProps) => React.JSX.Element;

/** The shapes of an icon as SVG markup (lucide's attribute names are already SVG's: d, cx, x1, points…). */
export function iconMarkup(node: IconNode): string {
  return node
    .map(([tag, attrs]) => {
      const list = Object.entries(attrs)
        .filter(([name, value]) => name !== 'key' && value !== undefined)
        .map(([name, value]) => ` ${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}="${escapeHtml(String(value))}"`)
        .join('');
      return `<${tag}${list}></${tag}>`;
    })
    .join('');
}

function icon(node: IconNode, name: string): Icon {
  const html = { __html: iconMarkup(node) };
  const base = `lucide lucide-${name}`;
  const Component = ({ className, ...props }: IconProps) => (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={24}
      height={24}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      {...props}
      // Plain joining, not cn(): nothing to merge (lucide's classes are not Tailwind's), and a feed draws ~50 icons.
      className={className ? `${base} ${className}` : base}
      dangerouslySetInnerHTML={html}
    />
  );
  Component.displayName = `Icon(${name})`;
  return Component;
}

export const ArrowUp = icon(arrowUpNode, 'arrow-up');
export const Bell = icon(bellNode, 'bell');
export const Bookmark = icon(bookmarkNode, 'bookmark');
export const CalendarDays = icon(calendarDaysNode, 'calendar-days');
export const CheckCircle2 = icon(checkCircle2Node, 'circle-check');
export const Compass = icon(compassNode, 'compass');
export const Eye = icon(eyeNode, 'eye');
export const EyeOff = icon(eyeOffNode, 'eye-off');
export const Flame = icon(flameNode, 'flame');
export const History = icon(historyNode, 'history');
export const Home = icon(homeNode, 'house');
export const ImagePlus = icon(imagePlusNode, 'image-plus');
export const LinkIcon = icon(linkNode, 'link');
export const Lock = icon(lockNode, 'lock');
export const LogOut = icon(logOutNode, 'log-out');
export const MapPin = icon(mapPinNode, 'map-pin');
export const MessageCircle = icon(messageCircleNode, 'message-circle');
export const Monitor = icon(monitorNode, 'monitor');
export const Moon = icon(moonNode, 'moon');
export const PartyPopper = icon(partyPopperNode, 'party-popper');
export const Pin = icon(pinNode, 'pin');
export const Plus = icon(plusNode, 'plus');
export const Search = icon(searchNode, 'search');
export const Settings = icon(settingsNode, 'settings');
export const Shield = icon(shieldNode, 'shield');
export const SmilePlus = icon(smilePlusNode, 'smile-plus');
export const Sparkles = icon(sparklesNode, 'sparkles');
export const Sun = icon(sunNode, 'sun');
export const Trash2 = icon(trash2Node, 'trash-2');
export const User = icon(userNode, 'user');
export const UserPlus = icon(userPlusNode, 'user-plus');
export const Users = icon(usersNode, 'users');
export const X = icon(xNode, 'x');
