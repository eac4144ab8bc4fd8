import { NextResponse, type NextRequest } from 'next/server';
import { auth } from '@/server/auth';

/**
 * Optimistic redirect to sign-in for signed-out visitors of private areas. Not a security
 * boundary: every page and action checks the user again (requireUser).
 */
export async function proxy(request: NextRequest) {
  const session = await auth();
  if (!session?.user.id) {
    const url = new URL('/sign-in', request.url);
    url.searchParams.set('next', request.nextUrl.pathname);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = { matcher: ['/dashboard/:path*', '/staff/:path*', '/accounts/:path*'] };
