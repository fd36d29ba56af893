import { oauthSignInAction } from '@/lib/auth/actions';
import { type OAuthProvider, providerLabels } from '@/lib/auth/providers';
import { Button } from '@/components/ui/button';

// The form ignores the action's answer: only a hand-made request, naming a provider that is not configured, gets its error.
const startOAuth = oauthSignInAction as (formData: FormData) => Promise<void>;

/** "Continue with GitHub / Google", shown only for providers that are configured. */
export function OAuthButtons({ providers, redirectTo }: { providers: OAuthProvider[]; redirectTo?: string }) {
  if (providers.length === 0) return null;
  return (
    <div className="mb-6 flex flex-col gap-2">
      {providers.map((provider) => (
        <form key={provider} action={startOAuth}>
          <input type="hidden" name="provider" value={provider} />
          {redirectTo && <input type="hidden" name="redirectTo" value={redirectTo} />}
          <Button type="submit" variant="secondary" size="lg" className="w-full">
            Continue with {providerLabels[provider]}
          </Button>
        </form>
      ))}
      <p className="mt-2 text-center text-xs uppercase tracking-wide text-muted">or with your email</p>
    </div>
  );
}
