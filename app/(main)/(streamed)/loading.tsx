// The loading state of every page in this route group, while it renders. The pages whose address names something
// that may not exist (a post, a group, a tag, an invite, a profile) sit outside it: a loading boundary sends the
// page's 200 before the page can say "not found", and those must answer 404 (issue 18).
export { default } from '@/components/shell/route-loading';
