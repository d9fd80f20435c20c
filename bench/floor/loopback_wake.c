// The floor under Peerd's connect latency on this machine: one-way wake-up latency over loopback TCP between two
// processes with blocking sockets (no runtime, no event loop). The sender stamps CLOCK_MONOTONIC into the message;
// the receiver, blocked in recv, computes now - stamp. A busy gap before each send (in µs, the argument) lets the
// receiver's CPU go idle first, as a daemon's does while its peer computes an ECDH.
//   gcc -O2 -o /tmp/loopback_wake bench/floor/loopback_wake.c && for g in 0 50 100; do /tmp/loopback_wake $g; done
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
static long now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec*1000000000L+t.tv_nsec;}
static void spin(long ns){long e=now()+ns;while(now()<e);}
static int cmp(const void*a,const void*b){long x=*(long*)a,y=*(long*)b;return x<y?-1:x>y;}
int main(int argc,char**argv){
  long gap=atol(argv[1])*1000; int n=3000;
  int l=socket(AF_INET,SOCK_STREAM,0); int one=1; setsockopt(l,SOL_SOCKET,SO_REUSEADDR,&one,4);
  struct sockaddr_in a={.sin_family=AF_INET,.sin_port=htons(29999),.sin_addr.s_addr=htonl(0x7f000001)};
  bind(l,(void*)&a,sizeof a); listen(l,1);
  if(fork()==0){ // receiver: echoes a 1-byte ack after measuring
    int c=accept(l,0,0); setsockopt(c,IPPROTO_TCP,TCP_NODELAY,&one,4); long *d=malloc(n*8);
    for(int i=0;i<n;i++){long s; recv(c,&s,8,MSG_WAITALL); d[i]=now()-s; spin(gap); long t=now(); send(c,&t,8,0);}
    qsort(d,n,8,cmp); printf("gap %ld us: A->B wake p50 %.1f us p90 %.1f us\n",gap/1000,d[n/2]/1e3,d[n*9/10]/1e3); fflush(stdout); _exit(0);}
  int c=socket(AF_INET,SOCK_STREAM,0); setsockopt(c,IPPROTO_TCP,TCP_NODELAY,&one,4); connect(c,(void*)&a,sizeof a);
  long *d=malloc(n*8);
  for(int i=0;i<n;i++){ spin(gap); long t=now(); send(c,&t,8,0); long s; recv(c,&s,8,MSG_WAITALL); d[i]=now()-s; }
  qsort(d,n,8,cmp); wait(0); printf("gap %ld us: B->A wake p50 %.1f us p90 %.1f us\n",gap/1000,d[n/2]/1e3,d[n*9/10]/1e3);
}
