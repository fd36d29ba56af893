'use client';

export { default } from '@/components/shell/route-error';
